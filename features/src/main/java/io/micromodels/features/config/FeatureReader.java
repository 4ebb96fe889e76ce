package io.micromodels.features.config;

import io.micromodels.features.EventFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code features:} list of a client config. */
final class FeatureReader {
  /** Columns derived from the event by feature extraction, usable as entities and inputs. */
  static final Set<String> DERIVED =
      Set.of(
          "email_domain",
          "item_names",
          "item_categories",
          "account_age_days",
          "time.hour",
          "time.weekend",
          "time.night",
          "payment_country_mismatch");

  private static final Set<String> KEYS =
      Set.of(
          FeatureSpec.ENTITY,
          FeatureSpec.AGGREGATE,
          FeatureSpec.OF,
          FeatureSpec.WINDOWS,
          FeatureSpec.DELAY,
          FeatureSpec.EVENT_TYPES,
          FeatureSpec.INCLUDE_CURRENT,
          FeatureSpec.EMPTY_VALUE);
  private static final Pattern DAYS = Pattern.compile("[1-9][0-9]{0,2}d");

  private FeatureReader() {}

  static List<FeatureSpec> read(ConfigNode root) {
    List<FeatureSpec> features = new ArrayList<>();
    Set<String> columns = new HashSet<>();
    for (ConfigNode node : root.list("features")) {
      node.allowOnly(KEYS);
      FeatureSpec spec = readOne(node);
      for (String column : spec.columnNames()) {
        if (!columns.add(column)) {
          throw node.invalid(
              "feature column `%s` is declared twice; expected each column once"
                  + " (drop the window or the spec that repeats it)",
              column);
        }
      }

      features.add(spec);
    }

    return features;
  }

  private static FeatureSpec readOne(ConfigNode node) {
    String entity = node.requiredString(FeatureSpec.ENTITY);
    if (!isColumn(entity)) {
      throw node.child(FeatureSpec.ENTITY)
          .mismatch(
              "an event column, payment_method.<field>, attributes.<key> or one of "
                  + DERIVED.stream().sorted().toList());
    }

    String aggregateKey = node.requiredString(FeatureSpec.AGGREGATE);
    Aggregate aggregate = Aggregate.of(aggregateKey);
    if (aggregate == null) {
      throw node.child(FeatureSpec.AGGREGATE)
          .mismatch("one of count, sum, avg, max," + " distinct_count, amount_ratio, label_rate");
    }

    String of = node.string(FeatureSpec.OF, null);
    if (aggregate == Aggregate.DISTINCT_COUNT && (of == null || !isColumn(of))) {
      throw node.error(
          node.child(FeatureSpec.OF).path(),
          "distinct_count needs `of`",
          "the column whose distinct values are counted, e.g. customer_id",
          of);
    }

    if (aggregate != Aggregate.DISTINCT_COUNT && of != null) {
      throw node.error(
          node.child(FeatureSpec.OF).path(),
          "only distinct_count takes `of`",
          "no `of` for " + aggregate.key() + " (sum, avg, max and amount_ratio read amount)",
          "\"" + of + "\"");
    }

    List<Window> windows = new ArrayList<>();
    for (ConfigNode w : node.list(FeatureSpec.WINDOWS)) {
      Window window = Window.parse(w.text());
      if (window == null) {
        throw w.mismatch("a window like 1h, 24h, 7d or 30d (at most 730d)");
      }

      windows.add(window);
    }

    if (windows.isEmpty()) {
      throw node.error(
          node.child(FeatureSpec.WINDOWS).path(),
          "missing",
          "a list of windows, e.g. [1h, 7d]",
          null);
    }

    Duration delay = Duration.ZERO;
    if (aggregate == Aggregate.LABEL_RATE && !node.has(FeatureSpec.DELAY)) {
      throw node.error(
          node.child(FeatureSpec.DELAY).path(),
          "label_rate needs a `delay`",
          "a label delay in days like 7d",
          null);
    }

    if (node.has(FeatureSpec.DELAY)) {
      String days =
          node.child(FeatureSpec.DELAY)
              .matching(
                  DAYS,
                  "a delay in whole days like 7d (1d..999d): the window ends that long before the event");
      delay = Duration.ofDays(Long.parseLong(days.substring(0, days.length() - 1)));
    }

    boolean includeCurrent = node.flag(FeatureSpec.INCLUDE_CURRENT, false);
    if (includeCurrent && !delay.isZero()) {
      throw node.child(FeatureSpec.INCLUDE_CURRENT)
          .invalid(
              "a window with a `delay` ends at"
                  + " t - delay and cannot include the event at t; drop `include_current` or `delay`");
    }

    return new FeatureSpec(
        entity,
        aggregate,
        of,
        windows,
        delay,
        node.strings(
            FeatureSpec.EVENT_TYPES,
            List.of(),
            EventFields.EVENT_TYPE_PATTERN,
            SettingsReader.EVENT_TYPE),
        includeCurrent,
        emptyValue(node, aggregate));
  }

  /** {@code empty_value: 0 | null}; absent: what the aggregate always gave. */
  private static EmptyValue emptyValue(ConfigNode node, Aggregate aggregate) {
    if (node.isExplicitNull(FeatureSpec.EMPTY_VALUE)) {
      return EmptyValue.NULL;
    }

    if (!node.has(FeatureSpec.EMPTY_VALUE)) {
      return EmptyValue.defaultFor(aggregate);
    }

    ConfigNode value = node.child(FeatureSpec.EMPTY_VALUE);
    String expected =
        "0 or null: the feature's value when its window holds no event it reads"
            + " (default for "
            + aggregate.key()
            + ": "
            + EmptyValue.defaultFor(aggregate).spelling()
            + ")";
    return switch (value.text()) {
      case "0", "0.0" -> EmptyValue.ZERO;
      case "null" -> EmptyValue.NULL;
      default -> throw value.mismatch(expected);
    };
  }

  static boolean isColumn(String name) {
    return EventFields.ALL.contains(name)
        || DERIVED.contains(name)
        || name.startsWith("payment_method.")
            && EventFields.PAYMENT_FIELDS.contains(name.substring("payment_method.".length()))
        || name.startsWith("attributes.") && name.length() > "attributes.".length();
  }
}
