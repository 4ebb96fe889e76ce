package io.micromodels.training.fit;

/**
 * The model for a design whose labels are all one class. There the objective has no minimum: the
 * unregularised intercept runs off to plus or minus infinity while the weights go to zero. Both
 * solvers return this finite stand-in instead, so a one-class client still gets a usable artifact.
 */
public final class InterceptOnly {
  private InterceptOnly() {}

  /**
   * Zero weights and the log-odds of the base rate smoothed by half a count per class (Jeffreys'
   * prior): {@code log((positives + 0.5) / (negatives + 0.5))}. With 1,000 negatives and no
   * positives that is about -7.6, a probability of 0.0005.
   *
   * @throws IllegalArgumentException when positives is negative or exceeds rows
   */
  public static LogisticModel smoothedBaseRate(long positives, long rows, int dimension) {
    if (positives < 0 || positives > rows) {
      throw new IllegalArgumentException(positives + " positives among " + rows + " rows");
    }

    double logOdds = Math.log((positives + 0.5) / (rows - positives + 0.5));
    return new LogisticModel(logOdds, dimension, new int[0], new double[0]);
  }
}
