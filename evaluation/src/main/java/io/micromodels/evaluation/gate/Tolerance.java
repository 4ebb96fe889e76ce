package io.micromodels.evaluation.gate;

/** Inclusive comparisons that treat values equal within a relative 1e-9 as equal. */
final class Tolerance {
  private static final double RELATIVE = 1e-9;

  private Tolerance() {}

  static boolean atLeast(double value, double limit) {
    return value >= limit - slack(limit);
  }

  static boolean atMost(double value, double limit) {
    return value <= limit + slack(limit);
  }

  private static double slack(double limit) {
    return RELATIVE * Math.max(1, Math.abs(limit));
  }
}
