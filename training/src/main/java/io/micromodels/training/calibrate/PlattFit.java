package io.micromodels.training.calibrate;

/**
 * Platt scaling by maximum likelihood (Platt 1999, "Probabilistic outputs for support vector
 * machines", §2.2), as scikit-learn's {@code _sigmoid_calibration} defines it: the 0/1 labels are
 * replaced by Platt's smoothed targets {@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)}, which
 * keeps the optimum finite even on separable rows. Solved with Newton's method and a backtracking
 * line search (Lin, Lin and Weng 2007, "A note on Platt's probabilistic outputs for support vector
 * machines"), which converges to the optimum scikit-learn's BFGS approaches.
 *
 * <p>Rows without positives or without negatives, and rows with a single distinct log-odds, have a
 * closed-form answer: slope 0 and the intercept whose probability is the mean smoothed target. With
 * a single distinct input only the probability there is identified; the flat answer is the one that
 * does not extrapolate.
 */
final class PlattFit {
  private static final int MAX_ITERATIONS = 100;
  private static final double GRADIENT_TOLERANCE = 1e-11;
  private static final double MIN_STEP = 1e-12;
  private static final double ARMIJO = 1e-4;

  /** Platt's ridge on the Hessian's diagonal: keeps the Newton system solvable at any point. */
  private static final double HESSIAN_RIDGE = 1e-12;

  private PlattFit() {}

  static PlattCalibrator fit(double[] x, double[] labels) {
    int positives = 0;
    for (double label : labels) {
      positives += label == 1 ? 1 : 0;
    }

    int negatives = labels.length - positives;
    double highTarget = (positives + 1.0) / (positives + 2.0);
    double lowTarget = 1.0 / (negatives + 2.0);
    double[] targets = new double[labels.length];
    double targetSum = 0;
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i] == 1 ? highTarget : lowTarget;
      targetSum += targets[i];
    }

    if (positives == 0 || negatives == 0 || isConstant(x)) {
      double mean = targetSum / targets.length;
      return new PlattCalibrator(0, Math.log(mean / (1 - mean)));
    }

    return newton(x, targets, Math.log((positives + 1.0) / (negatives + 1.0)));
  }

  private static PlattCalibrator newton(double[] x, double[] targets, double startIntercept) {
    double slope = 0;
    double intercept = startIntercept;
    double loss = loss(x, targets, slope, intercept);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double gA = 0;
      double gB = 0;
      double hAA = HESSIAN_RIDGE;
      double hAB = 0;
      double hBB = HESSIAN_RIDGE;
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(slope * x[i] + intercept);
        double residual = p - targets[i];
        double curvature = p * (1 - p);
        gA += residual * x[i];
        gB += residual;
        hAA += curvature * x[i] * x[i];
        hAB += curvature * x[i];
        hBB += curvature;
      }

      if (Math.max(Math.abs(gA), Math.abs(gB)) < GRADIENT_TOLERANCE * x.length) {
        break;
      }

      double det = hAA * hBB - hAB * hAB;
      double dA = -(hBB * gA - hAB * gB) / det;
      double dB = -(hAA * gB - hAB * gA) / det;
      double decrease = gA * dA + gB * dB;
      double step = 1;
      while (step >= MIN_STEP) {
        double next = loss(x, targets, slope + step * dA, intercept + step * dB);
        if (next <= loss + ARMIJO * step * decrease) {
          slope += step * dA;
          intercept += step * dB;
          loss = next;
          break;
        }

        step /= 2;
      }

      if (step < MIN_STEP) {
        break;
      }
    }

    return new PlattCalibrator(slope, intercept);
  }

  /** Cross-entropy of the smoothed targets, computed without overflow. */
  private static double loss(double[] x, double[] targets, double slope, double intercept) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = slope * x[i] + intercept;
      sum += targets[i] * softplus(-z) + (1 - targets[i]) * softplus(z);
    }

    return sum;
  }

  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static boolean isConstant(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return false;
      }
    }

    return true;
  }
}
