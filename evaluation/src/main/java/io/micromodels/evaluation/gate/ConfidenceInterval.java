package io.micromodels.evaluation.gate;

/**
 * A confidence interval handed to {@link Objective#evaluate}; package-private because the public
 * API takes plain doubles (the metrics package has its own bootstrap interval type).
 */
record ConfidenceInterval(double low, double high, double level) {
  ConfidenceInterval {
    if (low > high) {
      throw new IllegalArgumentException("confidence interval low " + low + " > high " + high);
    }

    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level " + level + " is not in (0, 1)");
    }
  }

  /** The interval, or null when an end is NaN: the bootstrap could not compute one. */
  static ConfidenceInterval of(double low, double high, double level) {
    return Double.isNaN(low) || Double.isNaN(high)
        ? null
        : new ConfidenceInterval(low, high, level);
  }
}
