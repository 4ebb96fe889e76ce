package io.micromodels.training.featurize;

/**
 * Mean and variance of a stream of values in one pass, with the numerically stable updates of
 * Welford (1962).
 */
final class RunningMoments {
  private long count;
  private double mean;
  private double m2;

  void add(double x) {
    count++;
    double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }

  double mean() {
    return mean;
  }

  /** The population standard deviation (divisor n, as scikit-learn's StandardScaler). */
  double std() {
    return count == 0 ? 0 : Math.sqrt(m2 / count);
  }
}
