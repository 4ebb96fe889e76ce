package io.micromodels.evaluation.metrics;

import java.io.Serializable;

/**
 * A confidence interval.
 *
 * @param low lower bound, NaN when the interval could not be estimated
 * @param high upper bound, NaN when the interval could not be estimated
 * @param level coverage in (0, 1), e.g. 0.95
 */
public record Interval(double low, double high, double level) implements Serializable {
  public Interval {
    checkLevel(level);
    if (Double.isNaN(low) != Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
    }
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
  }

  /** The interval of a metric that no resample could compute. */
  public static Interval undefined(double level) {
    return new Interval(Double.NaN, Double.NaN, level);
  }

  /** Whether the interval was estimated and contains {@code value}. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  public double width() {
    return high - low;
  }
}
