package io.micromodels.evaluation.metrics;

/**
 * Population stability index of two 0-100 score distributions, the usual drift measure between a
 * champion's and a candidate's scores (or a training and a scoring period).
 */
public final class PopulationStability {
  /** Bins: [0,10), [10,20), ..., [90,100], the last closed as in {@code numpy.histogram}. */
  public static final int BINS = 10;

  /**
   * The share given to a bin that holds no rows on one side, so that {@code ln(a/e)} stays finite.
   * Only empty bins are replaced; the other shares are left as they are (not renormalised).
   */
  public static final double EMPTY_BIN_SHARE = 1e-4;

  private static final double BIN_WIDTH = 100.0 / BINS;

  private PopulationStability() {}

  /**
   * {@code sum_b (actual_b - expected_b) * ln(actual_b / expected_b)} over the ten bins' row
   * shares.
   *
   * @param expected the reference scores (e.g. the champion's), each in [0, 100]
   * @param actual the compared scores (e.g. the candidate's), each in [0, 100]
   * @return the index, 0 for identical histograms, or NaN when either side is empty
   * @throws IllegalArgumentException on a score outside [0, 100] or not a number
   */
  public static double psi(double[] expected, double[] actual) {
    Checks.within(expected, 0, 100, "expected scores");
    Checks.within(actual, 0, 100, "actual scores");
    if (expected.length == 0 || actual.length == 0) {
      return Double.NaN;
    }

    return psi(counts(expected), counts(actual));
  }

  /**
   * The index of two histograms over the same bins (any number of them, e.g. a reference period's
   * deciles of a feature plus a bin for missing values); a bin empty on one side gets {@link
   * #EMPTY_BIN_SHARE}, a bin empty on both sides adds nothing.
   *
   * @return the index, or NaN when either histogram is empty
   * @throws IllegalArgumentException when the histograms have different bins
   */
  public static double psi(long[] expected, long[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException(
          "histograms of " + expected.length + " and " + actual.length + " bins");
    }

    long expectedTotal = java.util.Arrays.stream(expected).sum();
    long actualTotal = java.util.Arrays.stream(actual).sum();
    if (expectedTotal == 0 || actualTotal == 0) {
      return Double.NaN;
    }

    double index = 0;
    for (int bin = 0; bin < expected.length; bin++) {
      if (expected[bin] == 0 && actual[bin] == 0) {
        continue;
      }

      double e = share(expected[bin], expectedTotal);
      double a = share(actual[bin], actualTotal);
      index += (a - e) * Math.log(a / e);
    }
    return index;
  }

  private static double share(long count, long total) {
    return count == 0 ? EMPTY_BIN_SHARE : (double) count / total;
  }

  private static long[] counts(double[] scores) {
    long[] counts = new long[BINS];
    for (double score : scores) {
      counts[bin(score)]++;
    }
    return counts;
  }

  /** numpy.histogram's rule: edges at exactly {@code b * 10.0}, a score on an edge goes up. */
  private static int bin(double score) {
    int bin = Math.min(BINS - 1, (int) (score / BIN_WIDTH));
    if (score < bin * BIN_WIDTH) {
      bin--;
    } else if (bin < BINS - 1 && score >= (bin + 1) * BIN_WIDTH) {
      bin++;
    }
    return bin;
  }
}
