package io.micromodels.features.config;

import java.util.List;
import java.util.Objects;

/**
 * Where labels come from (DESIGN.md §3.2).
 *
 * @param scope whether a label marks its own decision event or every decision event of the customer
 * @param delayDays days after which a decision event's label is considered mature; training windows
 *     end this long before {@code as_of}
 * @param eventTypes the label event types
 * @param fraudWithoutLabel the label event types that mean fraud when they carry no {@code label}
 *     (a chargeback is a fraud label by definition, and real chargeback feeds have no such field);
 *     {@code label = 0} still means genuine. The other types count only with {@code label = 1}.
 */
public record LabelSpec(
    Scope scope, int delayDays, List<String> eventTypes, List<String> fraudWithoutLabel) {
  public static final String SCOPE = "scope";
  public static final String DELAY_DAYS = "delay_days";
  public static final int DEFAULT_DELAY_DAYS = 30;
  public static final int MAX_DELAY_DAYS = 365;
  public static final String EVENT_TYPES = "event_types";
  public static final List<String> DEFAULT_EVENT_TYPES =
      List.of("chargeback", "fraud_report", "review_decision");
  public static final String FRAUD_WITHOUT_LABEL = "fraud_without_label";
  public static final List<String> DEFAULT_FRAUD_WITHOUT_LABEL =
      List.of("chargeback", "fraud_report");

  /** What a label refers to. */
  public enum Scope {
    EVENT,
    CUSTOMER
  }

  public LabelSpec {
    Objects.requireNonNull(scope, "scope");
    eventTypes = List.copyOf(eventTypes);
    fraudWithoutLabel = List.copyOf(fraudWithoutLabel);
    if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
      throw new IllegalArgumentException(
          "label delay must be 0.." + MAX_DELAY_DAYS + " days: " + delayDays);
    }

    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException("labels need at least one event type");
    }
  }

  /** The documented meanings: chargebacks and fraud reports are fraud unless labelled 0. */
  public LabelSpec(Scope scope, int delayDays, List<String> eventTypes) {
    this(scope, delayDays, eventTypes, defaultFraudWithoutLabel(eventTypes));
  }

  /** Of {@code eventTypes}, those that are fraud without a label by default. */
  public static List<String> defaultFraudWithoutLabel(List<String> eventTypes) {
    return DEFAULT_FRAUD_WITHOUT_LABEL.stream().filter(eventTypes::contains).toList();
  }

  public static LabelSpec defaults() {
    return new LabelSpec(Scope.EVENT, DEFAULT_DELAY_DAYS, DEFAULT_EVENT_TYPES);
  }

  /** The same labels with another maturity delay. */
  public LabelSpec withDelayDays(int days) {
    return new LabelSpec(scope, days, eventTypes, fraudWithoutLabel);
  }
}
