package io.micromodels.training.featurize;

/**
 * Mean, variance and skewness of a stream of values in one pass, with the numerically stable
 * updates of Welford (1962) extended to the third moment (Terriberry, 2007; see Pébay, "Formulas
 * for robust, one-pass parallel computation of covariances and arbitrary-order statistical
 * moments", Sandia report SAND2008-6212, eq. 2.1-2.3).
 */
final class RunningMoments {
  private long count;
  private double mean;
  private double m2;
  private double m3;
  private double min = Double.POSITIVE_INFINITY;

  void add(double x) {
    long n1 = count;
    count++;
    double delta = x - mean;
    double deltaN = delta / count;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m3 += term1 * deltaN * (count - 2) - 3 * deltaN * m2;
    m2 += term1;
    min = Math.min(min, x);
  }

  long count() {
    return count;
  }

  double mean() {
    return mean;
  }

  double min() {
    return min;
  }

  /** The population standard deviation (divisor n, as scikit-learn's StandardScaler). */
  double std() {
    return count == 0 ? 0 : Math.sqrt(m2 / count);
  }

  /** The sample skewness {@code g1 = √n m3 / m2^1.5}; 0 for constant or fewer than 3 values. */
  double skewness() {
    return count < 3 || m2 <= 0 ? 0 : Math.sqrt(count) * m3 / StrictMath.pow(m2, 1.5);
  }
}
