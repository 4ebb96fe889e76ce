package io.micromodels.features.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One declared feature family: an aggregate of an entity's history over one or more windows. Column
 * names follow {@code <entity>.<aggregate>_<window>} (DESIGN.md §3.3): the entity's short name is
 * its last path segment without {@code _id} ({@code customer_id} → {@code customer}, {@code
 * payment_method.fingerprint} → {@code fingerprint}, {@code attributes.store} → {@code
 * attributes.store}); the aggregate part is {@code <event type>_count} for counts of one event
 * type, {@code count}, {@code amount_sum|avg|max}, {@code distinct_<of>s}, {@code amount_ratio},
 * {@code fraud_rate}; a delayed window (always for {@code fraud_rate}) adds a {@code _delay<n>d}
 * suffix, a window that includes the event itself {@code _incl}, an empty value other than the
 * aggregate's default {@code _or0} or {@code _ornull}, so a column's name says which definition its
 * stored values were computed with.
 *
 * @param entity the column that identifies the entity (an event column or {@code attributes.<key>})
 * @param aggregate how to summarise
 * @param of the column counted by {@link Aggregate#DISTINCT_COUNT}, else null
 * @param windows look-back windows
 * @param delay how long before the event the window ends ({@code [t - delay - w, t - delay)});
 *     required by {@link Aggregate#LABEL_RATE}, else {@link Duration#ZERO} unless delayed
 * @param eventTypes event types counted (empty: all types for counts, the decision types for
 *     amounts)
 * @param includeCurrent whether the window is {@code [t - w, t]}: the decision event itself counts
 *     (its amount, its {@code of} value); false for the default {@code [t - w, t)}
 * @param emptyValue the value when the window holds no event the aggregate reads
 */
public record FeatureSpec(
    String entity,
    Aggregate aggregate,
    String of,
    List<Window> windows,
    Duration delay,
    List<String> eventTypes,
    boolean includeCurrent,
    EmptyValue emptyValue)
    implements java.io.Serializable {
  public static final String ENTITY = "entity";
  public static final String AGGREGATE = "aggregate";
  public static final String OF = "of";
  public static final String WINDOWS = "windows";
  public static final String DELAY = "delay";
  public static final String EVENT_TYPES = "event_types";
  public static final String INCLUDE_CURRENT = "include_current";
  public static final String EMPTY_VALUE = "empty_value";

  public FeatureSpec {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(aggregate, "aggregate");
    windows = List.copyOf(windows);
    eventTypes = List.copyOf(eventTypes);
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(emptyValue, "emptyValue");
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a feature needs at least one window");
    }

    if ((aggregate == Aggregate.DISTINCT_COUNT) != (of != null)) {
      throw new IllegalArgumentException("`of` goes with distinct_count, and only with it");
    }

    if (aggregate == Aggregate.LABEL_RATE && delay.isZero()) {
      throw new IllegalArgumentException("label_rate needs a `delay`");
    }

    if (delay.isNegative() || !delay.equals(Duration.ofDays(delay.toDays()))) {
      throw new IllegalArgumentException("a delay is a whole number of days: " + delay);
    }

    if (includeCurrent && !delay.isZero()) {
      throw new IllegalArgumentException("a delayed window ends before the event it describes");
    }
  }

  /** A feature over the strictly-earlier window, its aggregate's default for an empty one. */
  public FeatureSpec(
      String entity,
      Aggregate aggregate,
      String of,
      List<Window> windows,
      Duration delay,
      List<String> eventTypes) {
    this(
        entity, aggregate, of, windows, delay, eventTypes, false, EmptyValue.defaultFor(aggregate));
  }

  /** The entity's name in column names. */
  public String entityName() {
    if (entity.startsWith("attributes.")) {
      return entity;
    }

    String last = entity.substring(entity.lastIndexOf('.') + 1);
    return last.endsWith("_id") ? last.substring(0, last.length() - 3) : last;
  }

  /** The feature columns this spec produces, one per window, in window order. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (Window window : windows) {
      names.add(
          entityName()
              + "."
              + aggregateName()
              + "_"
              + window.name()
              + delaySuffix()
              + (includeCurrent ? "_incl" : "")
              + emptySuffix());
    }

    return names;
  }

  private String aggregateName() {
    return switch (aggregate) {
      case COUNT -> eventTypes.size() == 1 ? eventTypes.get(0) + "_count" : "count";
      case SUM, AVG, MAX -> "amount_" + aggregate.key();
      case DISTINCT_COUNT -> "distinct_" + shortName(of) + "s";
      case AMOUNT_RATIO -> "amount_ratio";
      case LABEL_RATE -> "fraud_rate";
    };
  }

  private String delaySuffix() {
    return delay.isZero() ? "" : "_delay" + delay.toDays() + "d";
  }

  private String emptySuffix() {
    return emptyValue == EmptyValue.defaultFor(aggregate) ? "" : emptyValue.suffix();
  }

  private static String shortName(String column) {
    String last = column.substring(column.lastIndexOf('.') + 1);
    return last.endsWith("_id") ? last.substring(0, last.length() - 3) : last;
  }
}
