package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * One model's scored, labelled rows summarised so that summaries of any split of the rows merge
 * into the summary of all of them (issue 31: no task needs to hold a client's rows to evaluate it).
 * It keeps the fraud and genuine counts per 0.1-point score bucket, the calibration bins of {@link
 * BinaryMetrics#expectedCalibrationError} and the sums behind the probability metrics.
 *
 * <p>What is exact and what is bounded:
 *
 * <ul>
 *   <li>Rows, frauds, log loss, Brier score, calibration difference and the expected calibration
 *       error are the row-level values (up to the order of floating-point additions).
 *   <li>Average precision and ROC AUC see the scores rounded down to their bucket, so the order of
 *       the rows inside a bucket is lost. The row-level value lies between the value with every
 *       bucket's frauds ranked last and with them ranked first; {@link Estimate} carries both, so
 *       the error of {@link Estimate#value} (the buckets taken as tied scores, scikit-learn's
 *       convention) is at most {@link Estimate#width} in every run, not on average.
 * </ul>
 *
 * <p>Its bootstrap is the Poisson bootstrap (each row drawn a Poisson(1) number of times), which on
 * bucket counts is exact: a bucket's resampled frauds are Poisson(its frauds). A resample costs one
 * pass over the buckets, not a sort of the rows.
 */
public final class ScoreSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Buckets per score point: 0.1-point buckets. */
  public static final int BUCKETS_PER_POINT = 10;

  /** Scores lie within 0..100 ({@link Prediction#score}). */
  static final double MAX_SCORE = 100;

  static final int BUCKETS = (int) (MAX_SCORE * BUCKETS_PER_POINT) + 1;

  /** Bins of the expected calibration error. */
  public static final int CALIBRATION_BINS = 10;

  private final long[] frauds = new long[BUCKETS];
  private final long[] genuines = new long[BUCKETS];
  private final long[] calibrationRows = new long[CALIBRATION_BINS];
  private final long[] calibrationFrauds = new long[CALIBRATION_BINS];
  private final double[] calibrationProbabilities = new double[CALIBRATION_BINS];
  private double logLossSum;
  private double brierSum;

  /**
   * A ranking metric from the buckets.
   *
   * @param value the buckets taken as tied scores (NaN unless both classes are present)
   * @param low every bucket's frauds ranked below its genuine rows
   * @param high every bucket's frauds ranked above them
   */
  public record Estimate(double value, double low, double high) implements Serializable {
    /** The most the row-level value can differ from {@link #value}. */
    public double width() {
      return high - low;
    }
  }

  /** Adds one row. */
  public ScoreSummary add(double score, double probability, boolean fraud) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability outside 0..1: " + probability);
    }

    (fraud ? frauds : genuines)[bucket(score)]++;
    int bin = BinaryMetrics.calibrationBin(probability, CALIBRATION_BINS);
    calibrationRows[bin]++;
    calibrationFrauds[bin] += fraud ? 1 : 0;
    calibrationProbabilities[bin] += probability;
    logLossSum += BinaryMetrics.rowLogLoss(probability, fraud);
    double error = probability - (fraud ? 1 : 0);
    brierSum += error * error;
    return this;
  }

  /** Adds {@code other}'s rows to this summary. */
  public ScoreSummary merge(ScoreSummary other) {
    for (int b = 0; b < BUCKETS; b++) {
      frauds[b] += other.frauds[b];
      genuines[b] += other.genuines[b];
    }
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      calibrationRows[b] += other.calibrationRows[b];
      calibrationFrauds[b] += other.calibrationFrauds[b];
      calibrationProbabilities[b] += other.calibrationProbabilities[b];
    }
    logLossSum += other.logLossSum;
    brierSum += other.brierSum;
    return this;
  }

  public long rows() {
    return Arrays.stream(calibrationRows).sum();
  }

  public long frauds() {
    return Arrays.stream(calibrationFrauds).sum();
  }

  public Estimate averagePrecision() {
    return estimate(new BucketRanking(frauds, genuines), BucketRanking::averagePrecision);
  }

  public Estimate rocAuc() {
    return estimate(new BucketRanking(frauds, genuines), BucketRanking::rocAuc);
  }

  /** {@link BinaryMetrics#logLoss}; NaN when empty. */
  public double logLoss() {
    return mean(logLossSum);
  }

  /** {@link BinaryMetrics#brier}; NaN when empty. */
  public double brier() {
    return mean(brierSum);
  }

  /** {@link BinaryMetrics#calibrationDifference}; NaN when empty. */
  public double calibrationDifference() {
    return Math.abs(mean(Arrays.stream(calibrationProbabilities).sum()) - mean(frauds()));
  }

  /** {@link BinaryMetrics#expectedCalibrationError} with {@link ModelCalibration#BINS} bins. */
  public double expectedCalibrationError() {
    long rows = rows();
    if (rows == 0) {
      return Double.NaN;
    }

    double error = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      long n = calibrationRows[b];
      if (n > 0) {
        double gap = calibrationProbabilities[b] / n - (double) calibrationFrauds[b] / n;
        error += (double) n / rows * Math.abs(gap);
      }
    }
    return error;
  }

  /** The buckets as ranking thresholds, highest first (the report's curves). */
  Thresholds thresholds() {
    return Thresholds.of(frauds, genuines);
  }

  long[] calibrationRows() {
    return calibrationRows.clone();
  }

  long[] calibrationFrauds() {
    return calibrationFrauds.clone();
  }

  double[] calibrationProbabilities() {
    return calibrationProbabilities.clone();
  }

  /** Rows per equal-width score bin; the bins' edges are bucket edges, so the counts are exact. */
  long[] bins(int bins) {
    long[] rows = new long[BUCKETS];
    for (int b = 0; b < BUCKETS; b++) {
      rows[b] = frauds[b] + genuines[b];
    }
    return binned(rows, bins);
  }

  /** Per-bucket counts gathered into {@code bins} equal-width score bins. */
  static long[] binned(long[] perBucket, int bins) {
    long[] counts = new long[bins];
    int bucketsPerBin = (BUCKETS - 1) / bins;
    for (int b = 0; b < BUCKETS; b++) {
      counts[Math.min(bins - 1, b / bucketsPerBin)] += perBucket[b];
    }
    return counts;
  }

  /** The Poisson-bootstrap interval of the bucketed average precision. */
  public Interval averagePrecisionInterval(int resamples, double level, long seed) {
    return interval(BucketRanking::averagePrecision, resamples, level, seed);
  }

  /** The Poisson-bootstrap interval of the bucketed ROC AUC. */
  public Interval rocAucInterval(int resamples, double level, long seed) {
    return interval(BucketRanking::rocAuc, resamples, level, seed);
  }

  private Interval interval(
      ToDoubleFunction<BucketRanking> metric, int resamples, double level, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] drawnFrauds = new long[BUCKETS];
    long[] drawnGenuines = new long[BUCKETS];
    return Bootstrap.percentiles(
        resamples,
        level,
        () -> {
          for (int b = 0; b < BUCKETS; b++) {
            drawnFrauds[b] = Poisson.draw(frauds[b], random);
            drawnGenuines[b] = Poisson.draw(genuines[b], random);
          }
          return metric.applyAsDouble(new BucketRanking(drawnFrauds, drawnGenuines));
        });
  }

  /** The bucket of a 0..100 score. */
  static int bucket(double score) {
    if (!(score >= 0 && score <= MAX_SCORE)) {
      throw new IllegalArgumentException("score outside 0..100: " + score);
    }
    return (int) Math.floor(score * BUCKETS_PER_POINT);
  }

  private static Estimate estimate(BucketRanking ranking, ToDoubleFunction<BucketRanking> metric) {
    return new Estimate(
        metric.applyAsDouble(ranking.tied()),
        metric.applyAsDouble(ranking.fraudsLast()),
        metric.applyAsDouble(ranking.fraudsFirst()));
  }

  private double mean(double sum) {
    long rows = rows();
    return rows == 0 ? Double.NaN : sum / rows;
  }
}
