package io.micromodels.evaluation.metrics;

import java.util.function.ToDoubleFunction;

/**
 * Ranking and probability metrics of one set of held-out rows, defined as scikit-learn 1.2 defines
 * them (the committed fixtures were computed with it, see {@code
 * evaluation/src/test/python/make_metric_fixtures.py}).
 *
 * <p>Edge cases: every metric is {@code NaN} on empty input. Average precision and ROC AUC are
 * {@code NaN} unless both classes are present (scikit-learn 1.2 instead gives AP -0.0 with a
 * warning when no row is fraud, AP 1.0 when every row is, and raises for ROC AUC in both cases).
 * The probability metrics are defined for a single row and for one-class input. Scores and
 * probabilities must be finite, probabilities in [0, 1], arrays of equal lengths; otherwise {@link
 * IllegalArgumentException}.
 */
public final class BinaryMetrics {
  /**
   * Where {@link #logLoss} clips probabilities: {@code [eps, 1 - eps]} with eps the float64 machine
   * epsilon, 2.220446049250313e-16 ({@code np.finfo(np.float64).eps}), scikit-learn 1.2's {@code
   * eps="auto"}. Older releases clipped at 1e-15.
   */
  public static final double LOG_LOSS_EPSILON = Math.ulp(1.0);

  private BinaryMetrics() {}

  /**
   * Step-wise average precision, {@code sum_n (R_n - R_{n-1}) P_n} over the distinct score
   * thresholds from the highest down (scikit-learn's {@code average_precision_score}): rows with
   * equal scores enter together, so ties are never ordered arbitrarily.
   *
   * @return AP in [0, 1], or NaN when empty or when only one class is present
   */
  public static double averagePrecision(double[] scores, boolean[] fraud) {
    return ranking(scores, fraud, Thresholds::averagePrecision);
  }

  /**
   * Area under the ROC curve with ties counted as half (the Mann-Whitney statistic), which equals
   * scikit-learn's trapezoidal {@code roc_auc_score}.
   *
   * @return AUC in [0, 1], or NaN when empty or when only one class is present
   */
  public static double rocAuc(double[] scores, boolean[] fraud) {
    return ranking(scores, fraud, Thresholds::rocAuc);
  }

  private static double ranking(
      double[] scores, boolean[] fraud, ToDoubleFunction<Thresholds> metric) {
    Thresholds thresholds = Thresholds.of(scores, fraud);
    return thresholds.hasBothClasses() ? metric.applyAsDouble(thresholds) : Double.NaN;
  }

  /**
   * Mean negative log-likelihood (scikit-learn's {@code log_loss}): each probability is clipped to
   * {@code [LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON]} and the pair {@code (1 - p, p)} is
   * renormalised to sum to one, exactly as scikit-learn does, so 0 and 1 give a large finite loss.
   *
   * @return the loss in nats, or NaN when empty
   */
  public static double logLoss(double[] probabilities, boolean[] fraud) {
    checkProbabilities(probabilities, fraud);
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      sum += rowLogLoss(probabilities[i], fraud[i]);
    }
    return mean(sum, probabilities.length);
  }

  /** One row's term of {@link #logLoss}. */
  static double rowLogLoss(double probability, boolean fraud) {
    double p = Math.min(Math.max(probability, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    double q = 1 - p;
    double total = q + p;
    return -Math.log((fraud ? p : q) / total);
  }

  /**
   * Brier score, the mean squared difference between probability and outcome (scikit-learn's {@code
   * brier_score_loss}).
   *
   * @return the score in [0, 1], or NaN when empty
   */
  public static double brier(double[] probabilities, boolean[] fraud) {
    checkProbabilities(probabilities, fraud);
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double error = probabilities[i] - (fraud[i] ? 1 : 0);
      sum += error * error;
    }
    return mean(sum, probabilities.length);
  }

  /**
   * Calibration-in-the-large: {@code |mean probability - observed fraud rate|}. Absolute, so a gate
   * bound ("at most 0.05") reads the same for over- and under-prediction.
   *
   * @return the difference in [0, 1], or NaN when empty
   */
  public static double calibrationDifference(double[] probabilities, boolean[] fraud) {
    checkProbabilities(probabilities, fraud);
    double sum = 0;
    for (double probability : probabilities) {
      sum += probability;
    }
    return Math.abs(mean(sum, probabilities.length) - mean(Checks.count(fraud), fraud.length));
  }

  /**
   * Expected calibration error over {@code bins} equal-width bins on [0, 1]: {@code sum_b n_b / n *
   * |mean probability_b - fraud rate_b|}. Bins are those of scikit-learn's {@code
   * calibration_curve(strategy="uniform")}: edges {@code j / bins}, a probability exactly on an
   * inner edge belongs to the lower bin ({@code searchsorted} side "left"), 0 to the first. Empty
   * bins contribute nothing.
   *
   * @param bins number of bins, at least 1
   * @return the error in [0, 1], or NaN when empty
   */
  public static double expectedCalibrationError(double[] probabilities, boolean[] fraud, int bins) {
    checkProbabilities(probabilities, fraud);
    Checks.positive(bins, "bins");
    if (probabilities.length == 0) {
      return Double.NaN;
    }

    long[] rows = new long[bins];
    long[] frauds = new long[bins];
    double[] probabilitySums = new double[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = calibrationBin(probabilities[i], bins);
      rows[bin]++;
      frauds[bin] += fraud[i] ? 1 : 0;
      probabilitySums[bin] += probabilities[i];
    }

    double error = 0;
    for (int bin = 0; bin < bins; bin++) {
      if (rows[bin] > 0) {
        double gap = probabilitySums[bin] / rows[bin] - (double) frauds[bin] / rows[bin];
        error += (double) rows[bin] / probabilities.length * Math.abs(gap);
      }
    }
    return error;
  }

  /** The bin of {@link #expectedCalibrationError} that {@code probability} falls in. */
  static int calibrationBin(double probability, int bins) {
    return lowerBin(probability, 1.0 / bins, bins);
  }

  /** The number of inner edges {@code j * step} (j = 1..bins-1) strictly below p. */
  // np.linspace(0, 1, bins + 1) computes its edges as j * step
  private static int lowerBin(double p, double step, int bins) {
    int low = 0;
    int high = bins - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if ((middle + 1) * step < p) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static void checkProbabilities(double[] probabilities, boolean[] fraud) {
    Checks.sameLength(probabilities.length, fraud.length, "probabilities and labels");
    Checks.within(probabilities, 0, 1, "probabilities");
  }

  private static double mean(double sum, int rows) {
    return rows == 0 ? Double.NaN : sum / rows;
  }
}
