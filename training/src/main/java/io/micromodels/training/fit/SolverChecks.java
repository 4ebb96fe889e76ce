package io.micromodels.training.fit;

/** Input checks every {@link Solver} makes before fitting. */
public final class SolverChecks {
  private SolverChecks() {}

  /**
   * Checks the design and C, and counts positive labels.
   *
   * @throws IllegalArgumentException when the design has no rows, a label is not 0 or 1, or C is
   *     not positive and finite
   */
  public static long positives(Design design, double c) {
    checkC(c);
    if (design.size() == 0) {
      throw new IllegalArgumentException("cannot fit an empty design (no rows)");
    }

    long positives = 0;
    double[] labels = design.labels();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label of row " + i + " is " + labels[i] + ", not 0 or 1");
      }

      positives += (long) labels[i];
    }

    return positives;
  }

  /**
   * @throws IllegalArgumentException when C is not positive and finite
   */
  public static void checkC(double c) {
    if (!(c > 0) || !Double.isFinite(c)) {
      throw new IllegalArgumentException("C must be positive and finite: " + c);
    }
  }
}
