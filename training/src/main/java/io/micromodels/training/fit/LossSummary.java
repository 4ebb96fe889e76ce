package io.micromodels.training.fit;

/**
 * The validation log loss of a model: its mean over rows and the standard error of that mean.
 *
 * @param rows number of validation rows
 * @param meanLogLoss mean per-row log loss (natural log), probabilities clipped to {@code [1e-15, 1
 *     - 1e-15]} as scikit-learn's {@code log_loss} does
 * @param standardError sample standard deviation of the per-row losses over {@code sqrt(rows)}; 0
 *     for a single row
 */
public record LossSummary(long rows, double meanLogLoss, double standardError) {
  /** scikit-learn's clipping (sklearn.metrics.log_loss, eps = 1e-15 before version 1.5). */
  public static final double CLIP = 1e-15;

  public LossSummary {
    if (rows <= 0) {
      throw new IllegalArgumentException("a loss summary needs rows: " + rows);
    }

    if (!(meanLogLoss >= 0) || !Double.isFinite(meanLogLoss)) {
      throw new IllegalArgumentException("mean log loss must be finite and >= 0: " + meanLogLoss);
    }

    if (!(standardError >= 0) || !Double.isFinite(standardError)) {
      throw new IllegalArgumentException(
          "standard error must be finite and >= 0: " + standardError);
    }
  }

  /**
   * The model's loss on a design.
   *
   * @throws IllegalArgumentException when the design has no rows
   */
  public static LossSummary of(LogisticModel model, Design validation) {
    if (validation.size() == 0) {
      throw new IllegalArgumentException("cannot measure a loss on an empty validation design");
    }

    double[] losses = new double[validation.size()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = logLoss(model.logOdds(validation.rows().get(i)), validation.labels()[i]);
    }

    return ofLosses(losses);
  }

  /** One row's log loss, its probability clipped as scikit-learn clips it. */
  public static double logLoss(double logOdds, double label) {
    double p = Math.min(Math.max(LogisticModel.sigmoid(logOdds), CLIP), 1 - CLIP);
    return label == 1 ? -Math.log(p) : -Math.log(1 - p);
  }

  /** The summary from a count, a sum and a sum of squares (partial sums of distributed rows). */
  public static LossSummary ofSums(long rows, double sum, double squares) {
    double mean = sum / rows;
    double variance = rows > 1 ? Math.max(0, (squares - rows * mean * mean) / (rows - 1)) : 0;
    return new LossSummary(rows, mean, Math.sqrt(variance / rows));
  }

  /** The summary of per-row losses (Welford's running mean and variance). */
  public static LossSummary ofLosses(double[] losses) {
    double mean = 0;
    double squares = 0;
    for (int i = 0; i < losses.length; i++) {
      double delta = losses[i] - mean;
      mean += delta / (i + 1);
      squares += delta * (losses[i] - mean);
    }

    int n = losses.length;
    double standardError = n > 1 ? Math.sqrt(squares / (n - 1)) / Math.sqrt(n) : 0;
    return new LossSummary(n, mean, standardError);
  }
}
