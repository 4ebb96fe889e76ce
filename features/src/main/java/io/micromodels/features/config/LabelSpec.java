package io.micromodels.features.config;

import java.util.List;
import java.util.Objects;

/**
 * Where labels come from (DESIGN.md §3.2).
 *
 * @param scope whether a label marks its own decision event or every decision event of the
 *     customer
 * @param delayDays days after which a decision event's label is considered mature; training
 *     windows end this long before {@code as_of}
 * @param eventTypes the label event types
 */
public record LabelSpec(Scope scope, int delayDays, List<String> eventTypes) {
  public static final String SCOPE = "scope";
  public static final String DELAY_DAYS = "delay_days";
  public static final int DEFAULT_DELAY_DAYS = 30;
  public static final int MAX_DELAY_DAYS = 365;
  public static final String EVENT_TYPES = "event_types";
  public static final List<String> DEFAULT_EVENT_TYPES =
      List.of("chargeback", "fraud_report", "review_decision");

  /** What a label refers to. */
  public enum Scope {
    EVENT,
    CUSTOMER
  }

  public LabelSpec {
    Objects.requireNonNull(scope, "scope");
    eventTypes = List.copyOf(eventTypes);
    if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
      throw new IllegalArgumentException(
          "label delay must be 0.." + MAX_DELAY_DAYS + " days: " + delayDays);
    }

    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException("labels need at least one event type");
    }
  }

  public static LabelSpec defaults() {
    return new LabelSpec(Scope.EVENT, DEFAULT_DELAY_DAYS, DEFAULT_EVENT_TYPES);
  }
}
