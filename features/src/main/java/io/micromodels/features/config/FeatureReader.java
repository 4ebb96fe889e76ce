package io.micromodels.features.config;

import io.micromodels.features.EventFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code features:} list of a client config. */
final class FeatureReader {
  /** Columns derived from the event by feature extraction, usable as entities and inputs. */
  static final Set<String> DERIVED =
      Set.of("email_domain", "item_names", "item_categories", "account_age_days", "time.hour",
          "time.weekend", "time.night", "payment_country_mismatch");
  private static final Set<String> KEYS =
      Set.of("entity", "aggregate", "of", "windows", "delay", "event_types");

  private FeatureReader() {}

  static List<FeatureSpec> read(ConfigNode root) {
    List<FeatureSpec> features = new ArrayList<>();
    Set<String> columns = new HashSet<>();
    for (ConfigNode node : root.list("features")) {
      node.allowOnly(KEYS);
      FeatureSpec spec = readOne(node);
      for (String column : spec.columnNames()) {
        if (!columns.add(column)) {
          throw node.invalid("feature column `" + column + "` is declared twice");
        }
      }

      features.add(spec);
    }

    return features;
  }

  private static FeatureSpec readOne(ConfigNode node) {
    String entity = node.requiredString("entity");
    if (!isColumn(entity)) {
      throw node.child("entity").mismatch(
          "an event column, payment_method.<field>, attributes.<key> or one of " + DERIVED);
    }

    String aggregateKey = node.requiredString("aggregate");
    Aggregate aggregate = Aggregate.of(aggregateKey);
    if (aggregate == null) {
      throw node.child("aggregate").mismatch("one of count, sum, avg, max, distinct_count,"
          + " amount_ratio, label_rate");
    }

    String of = node.string("of", null);
    if (aggregate == Aggregate.DISTINCT_COUNT && (of == null || !isColumn(of))) {
      throw node.error(node.child("of").path(), "distinct_count needs `of`",
          "the column whose distinct values are counted", of);
    }

    List<Window> windows = new ArrayList<>();
    for (ConfigNode w : node.list("windows")) {
      Window window = Window.parse(w.text());
      if (window == null) {
        throw w.mismatch("a window like 1h, 24h, 7d or 30d (at most 730d)");
      }

      windows.add(window);
    }

    if (windows.isEmpty()) {
      throw node.error(node.child("windows").path(), "missing", "a list of windows, e.g. [1h, 7d]",
          null);
    }

    Duration delay = Duration.ZERO;
    if (aggregate == Aggregate.LABEL_RATE) {
      Window parsed = node.has("delay") ? Window.parse(node.child("delay").text()) : null;
      if (parsed == null) {
        throw node.error(node.child("delay").path(), "label_rate needs a `delay`",
            "a label delay like 7d", null);
      }

      delay = parsed.length();
    }

    return new FeatureSpec(entity, aggregate, of, windows, delay,
        node.strings("event_types", List.of()));
  }

  static boolean isColumn(String name) {
    return EventFields.ALL.contains(name)
        || DERIVED.contains(name)
        || name.startsWith("payment_method.") && EventFields.PAYMENT_FIELDS.contains(
            name.substring("payment_method.".length()))
        || name.startsWith("attributes.") && name.length() > "attributes.".length();
  }
}
