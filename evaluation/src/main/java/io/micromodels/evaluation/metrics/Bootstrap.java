package io.micromodels.evaluation.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap confidence intervals for a ranking metric such as {@link
 * BinaryMetrics#averagePrecision} or {@link BinaryMetrics#rocAuc}: rows are drawn with replacement
 * {@code resamples} times from a {@link SplittableRandom} seeded with {@code seed}, so the same
 * inputs and seed always give the same interval.
 *
 * <p>A resample on which the metric is NaN (e.g. one without any fraud row) is dropped, so the
 * interval describes the resamples on which the metric exists; when every resample is dropped the
 * interval is {@link Interval#undefined}. The bounds are the {@code (1 - level) / 2} and {@code (1
 * + level) / 2} quantiles of the kept values with linear interpolation between order statistics
 * ({@code numpy.percentile}'s default).
 */
public final class Bootstrap {
  public static final int DEFAULT_RESAMPLES = 200;
  public static final double DEFAULT_LEVEL = 0.95;

  private Bootstrap() {}

  /** The 95 % interval over {@value #DEFAULT_RESAMPLES} resamples. */
  public static Interval interval(
      double[] scores, boolean[] fraud, ToDoubleBiFunction<double[], boolean[]> metric, long seed) {
    return interval(scores, fraud, metric, DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed);
  }

  /**
   * The interval of {@code metric(scores, fraud)}.
   *
   * @param metric must not keep the arrays it is given: they are reused between resamples
   * @param resamples at least 1
   * @param level coverage in (0, 1)
   */
  public static Interval interval(
      double[] scores,
      boolean[] fraud,
      ToDoubleBiFunction<double[], boolean[]> metric,
      int resamples,
      double level,
      long seed) {
    Checks.sameLength(scores.length, fraud.length, "scores and labels");
    return resample(
        new double[][] {scores},
        fraud,
        (s, f) -> metric.applyAsDouble(s[0], f),
        resamples,
        level,
        seed);
  }

  /** The 95 % interval of the paired difference. */
  public static Interval pairedDifference(
      double[] candidate,
      double[] champion,
      boolean[] fraud,
      ToDoubleBiFunction<double[], boolean[]> metric,
      int resamples,
      long seed) {
    return pairedDifference(candidate, champion, fraud, metric, resamples, DEFAULT_LEVEL, seed);
  }

  /**
   * The interval of {@code metric(candidate) - metric(champion)} when both score the same rows:
   * each resample draws rows once and evaluates both models on them, so the row-to-row noise that
   * both share cancels out and the interval is much narrower than two separate intervals suggest.
   */
  public static Interval pairedDifference(
      double[] candidate,
      double[] champion,
      boolean[] fraud,
      ToDoubleBiFunction<double[], boolean[]> metric,
      int resamples,
      double level,
      long seed) {
    Checks.sameLength(candidate.length, fraud.length, "candidate scores and labels");
    Checks.sameLength(champion.length, fraud.length, "champion scores and labels");
    return resample(
        new double[][] {candidate, champion},
        fraud,
        (s, f) -> metric.applyAsDouble(s[0], f) - metric.applyAsDouble(s[1], f),
        resamples,
        level,
        seed);
  }

  private static Interval resample(
      double[][] columns,
      boolean[] fraud,
      ToDoubleBiFunction<double[][], boolean[]> statistic,
      int resamples,
      double level,
      long seed) {
    Checks.positive(resamples, "resamples");
    Interval.checkLevel(level);
    int rows = fraud.length;
    if (rows == 0) {
      return Interval.undefined(level);
    }

    SplittableRandom random = new SplittableRandom(seed);
    double[][] drawn = new double[columns.length][rows];
    boolean[] drawnFraud = new boolean[rows];
    return percentiles(
        resamples,
        level,
        () -> {
          for (int i = 0; i < rows; i++) {
            int row = random.nextInt(rows);
            for (int c = 0; c < columns.length; c++) {
              drawn[c][i] = columns[c][row];
            }
            drawnFraud[i] = fraud[row];
          }
          return statistic.applyAsDouble(drawn, drawnFraud);
        });
  }

  /**
   * The percentile interval of {@code resamples} values of {@code resample} (each call one
   * resample), NaN values dropped.
   */
  static Interval percentiles(int resamples, double level, DoubleSupplier resample) {
    Checks.positive(resamples, "resamples");
    Interval.checkLevel(level);
    double[] values = new double[resamples];
    int kept = 0;
    for (int r = 0; r < resamples; r++) {
      double value = resample.getAsDouble();
      if (!Double.isNaN(value)) {
        values[kept++] = value;
      }
    }

    if (kept == 0) {
      return Interval.undefined(level);
    }
    Arrays.sort(values, 0, kept);
    return new Interval(
        quantile(values, kept, (1 - level) / 2), quantile(values, kept, (1 + level) / 2), level);
  }

  /** numpy.percentile's "linear" method on the first {@code size} sorted values. */
  static double quantile(double[] sorted, int size, double q) {
    double position = q * (size - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, size - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
