package io.micromodels.evaluation.gate;

/** Which way a metric improves; {@link MetricCatalogue#direction} gives it per metric name. */
public enum MetricDirection {
  /** Higher is better (PR-AUC, prevented asserts, rank correlations, ...). */
  HIGHER_IS_BETTER,
  /** Lower is better (log loss, calibration difference, action change rate, ...). */
  LOWER_IS_BETTER,
  /** Neither is better (block rate, review rate): the policy sets them, not the model's quality. */
  NEUTRAL;

  /**
   * Whether {@code value} is at least as good as {@code limit} in this direction, counting values
   * equal within a relative 1e-9 as equal so that decimal thresholds are not broken by binary
   * rounding (0.8 − 0.6 is 0.20000000000000007).
   *
   * @throws IllegalStateException on {@link #NEUTRAL}, which has no better side
   */
  public boolean isAtLeastAsGood(double value, double limit) {
    return switch (this) {
      case HIGHER_IS_BETTER -> Tolerance.atLeast(value, limit);
      case LOWER_IS_BETTER -> Tolerance.atMost(value, limit);
      case NEUTRAL -> throw new IllegalStateException("a neutral metric has no better side");
    };
  }
}
