package io.micromodels.features.config;

/**
 * What a feature is when its window holds no event it reads (no event of its types; for the amount
 * aggregates none with an amount, for {@code distinct_count} none with an {@code of} value, for
 * {@code label_rate} no decision event). Models differ on which they need: a logistic regression
 * wants a number, a "no history" signal can be clearer as null.
 */
public enum EmptyValue {
  NULL(null, "null", "_ornull"),
  ZERO(0.0, "0", "_or0");

  private final Double value;
  private final String spelling;
  private final String suffix;

  EmptyValue(Double value, String spelling, String suffix) {
    this.value = value;
    this.spelling = spelling;
    this.suffix = suffix;
  }

  /** The feature value of an empty window. */
  public Double value() {
    return value;
  }

  /** How the config writes it: {@code 0} or {@code null}. */
  public String spelling() {
    return spelling;
  }

  /** The column name's suffix when this is not the aggregate's default. */
  String suffix() {
    return suffix;
  }

  /**
   * What each aggregate gave before the option existed, kept as its default: a count or a sum of
   * nothing is 0; a mean, a maximum, a ratio to a mean and a rate of nothing are undefined.
   */
  public static EmptyValue defaultFor(Aggregate aggregate) {
    return switch (aggregate) {
      case COUNT, SUM, DISTINCT_COUNT -> ZERO;
      case AVG, MAX, AMOUNT_RATIO, LABEL_RATE -> NULL;
    };
  }
}
