package io.micromodels.evaluation.metrics;

/** Argument checks shared by the metrics; a failure here is a caller's bug, not bad data. */
final class Checks {
  private Checks() {}

  static void sameLength(int first, int second, String what) {
    if (first != second) {
      throw new IllegalArgumentException(
          what + " have different lengths: " + first + " and " + second);
    }
  }

  static void finite(double[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
      }
    }
  }

  static void within(double[] values, double low, double high, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= low && values[i] <= high)) {
        throw new IllegalArgumentException(
            name + "[" + i + "] is outside [" + low + ", " + high + "]: " + values[i]);
      }
    }
  }

  static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }

  /** {@code numerator / denominator}, or NaN when the denominator is 0. */
  static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}
