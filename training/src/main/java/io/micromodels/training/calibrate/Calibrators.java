package io.micromodels.training.calibrate;

import io.micromodels.features.config.ModelSpec;

/**
 * Fits a {@link Calibrator} on held-out rows: the combiner's log-odds and their fraud labels. The
 * fits reproduce scikit-learn's (DESIGN.md §4 cites its definitions), so a calibrator fitted here
 * and one fitted there on the same rows predict the same probabilities; reference values are pinned
 * in {@code training/src/test/resources/calibration/}.
 */
public final class Calibrators {
  private Calibrators() {}

  /**
   * Fits the calibration {@code method} chose in the client config.
   *
   * @param logOdds the combiner's log-odds, finite, at least one
   * @param labels fraud labels, 0 or 1, aligned with {@code logOdds}
   * @throws IllegalArgumentException when the arrays are empty, differ in length, hold a non-finite
   *     log-odds or a label other than 0 and 1
   */
  public static Calibrator fit(ModelSpec.Calibration method, double[] logOdds, double[] labels) {
    check(logOdds, labels);
    return switch (method) {
      case PLATT -> PlattFit.fit(logOdds, labels);
      case ISOTONIC -> IsotonicFit.fit(logOdds, labels);
    };
  }

  private static void check(double[] logOdds, double[] labels) {
    if (logOdds.length == 0 || logOdds.length != labels.length) {
      throw new IllegalArgumentException(
          "calibration needs as many labels as log-odds, and at"
              + " least one row: "
              + logOdds.length
              + " vs "
              + labels.length);
    }

    for (int i = 0; i < logOdds.length; i++) {
      if (!Double.isFinite(logOdds[i])) {
        throw new IllegalArgumentException(
            "log-odds of row " + i + " is not finite: " + logOdds[i]);
      }

      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label of row " + i + " is not 0 or 1: " + labels[i]);
      }
    }
  }
}
