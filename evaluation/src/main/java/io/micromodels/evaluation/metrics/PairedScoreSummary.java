package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Rows scored by two models (candidate and champion), summarised by the pair of their score buckets
 * ({@link ScoreSummary}) and the label, so that the paired bootstrap of a ranking metric's
 * difference needs no rows: a resample draws each occupied cell's frauds and genuine rows as
 * Poisson counts and ranks both models on the same draw. Mergeable like {@link ScoreSummary}.
 * Sparse: two scores of the same rows are correlated, so the cells occupied are far fewer than the
 * grid's million.
 */
public final class PairedScoreSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Genuine and fraud counts by {@code candidate bucket * BUCKETS + champion bucket}. */
  private final Map<Integer, long[]> cells = new HashMap<>();

  public PairedScoreSummary add(double candidateScore, double championScore, boolean fraud) {
    int key =
        ScoreSummary.bucket(candidateScore) * ScoreSummary.BUCKETS
            + ScoreSummary.bucket(championScore);
    cells.computeIfAbsent(key, k -> new long[2])[fraud ? 1 : 0]++;
    return this;
  }

  public PairedScoreSummary merge(PairedScoreSummary other) {
    other.cells.forEach(
        (key, counts) -> {
          long[] mine = cells.computeIfAbsent(key, k -> new long[2]);
          mine[0] += counts[0];
          mine[1] += counts[1];
        });
    return this;
  }

  /** Rows summarised. */
  public long rows() {
    return cells.values().stream().mapToLong(c -> c[0] + c[1]).sum();
  }

  /**
   * {@link RankCorrelation#spearman} of the two models' scores with each score rounded down to its
   * bucket (rows in one bucket share their average rank).
   */
  public double spearman() {
    long rows = rows();
    if (rows < 2) {
      return Double.NaN;
    }

    double[] candidateRanks = averageRanks(marginal(true));
    double[] championRanks = averageRanks(marginal(false));
    double mean = (rows + 1) / 2.0;
    double covariance = 0;
    double candidateVariance = 0;
    double championVariance = 0;
    for (Map.Entry<Integer, long[]> cell : cells.entrySet()) {
      long n = cell.getValue()[0] + cell.getValue()[1];
      double x = candidateRanks[cell.getKey() / ScoreSummary.BUCKETS] - mean;
      double y = championRanks[cell.getKey() % ScoreSummary.BUCKETS] - mean;
      covariance += n * x * y;
      candidateVariance += n * x * x;
      championVariance += n * y * y;
    }
    return candidateVariance == 0 || championVariance == 0
        ? Double.NaN
        : covariance / Math.sqrt(candidateVariance * championVariance);
  }

  /**
   * {@link PopulationStability#psi} of the champion's (expected) and the candidate's (actual)
   * scores: its bins' edges are bucket edges, so this is the row-level value.
   */
  public double psi() {
    return PopulationStability.psi(
        ScoreSummary.binned(marginal(false), PopulationStability.BINS),
        ScoreSummary.binned(marginal(true), PopulationStability.BINS));
  }

  /** Rows per bucket of one model's scores. */
  private long[] marginal(boolean candidate) {
    long[] counts = new long[ScoreSummary.BUCKETS];
    cells.forEach(
        (key, c) ->
            counts[candidate ? key / ScoreSummary.BUCKETS : key % ScoreSummary.BUCKETS] +=
                c[0] + c[1]);
    return counts;
  }

  /** Each bucket's average 1-based rank among all rows, lowest bucket first. */
  private static double[] averageRanks(long[] counts) {
    double[] ranks = new double[counts.length];
    long below = 0;
    for (int b = 0; b < counts.length; b++) {
      ranks[b] = below + (counts[b] + 1) / 2.0;
      below += counts[b];
    }
    return ranks;
  }

  /** The percentile interval of AP(candidate) - AP(champion) on the buckets. */
  public Interval averagePrecisionDifference(int resamples, double level, long seed) {
    return difference(BucketRanking::averagePrecision, resamples, level, seed);
  }

  /** The percentile interval of ROC AUC(candidate) - ROC AUC(champion) on the buckets. */
  public Interval rocAucDifference(int resamples, double level, long seed) {
    return difference(BucketRanking::rocAuc, resamples, level, seed);
  }

  private Interval difference(
      ToDoubleFunction<BucketRanking> metric, int resamples, double level, long seed) {
    int size = cells.size();
    int[] candidateBucket = new int[size];
    int[] championBucket = new int[size];
    long[] genuines = new long[size];
    long[] frauds = new long[size];
    int i = 0;
    // in key order: the same rows give the same draws whatever the merge order
    for (Map.Entry<Integer, long[]> cell : new TreeMap<>(cells).entrySet()) {
      candidateBucket[i] = cell.getKey() / ScoreSummary.BUCKETS;
      championBucket[i] = cell.getKey() % ScoreSummary.BUCKETS;
      genuines[i] = cell.getValue()[0];
      frauds[i] = cell.getValue()[1];
      i++;
    }

    SplittableRandom random = new SplittableRandom(seed);
    long[][] candidate = new long[2][ScoreSummary.BUCKETS];
    long[][] champion = new long[2][ScoreSummary.BUCKETS];
    return Bootstrap.percentiles(
        resamples,
        level,
        () -> {
          for (long[] counts :
              new long[][] {candidate[0], candidate[1], champion[0], champion[1]}) {
            Arrays.fill(counts, 0);
          }
          for (int c = 0; c < size; c++) {
            long g = Poisson.draw(genuines[c], random);
            long f = Poisson.draw(frauds[c], random);
            candidate[0][candidateBucket[c]] += g;
            candidate[1][candidateBucket[c]] += f;
            champion[0][championBucket[c]] += g;
            champion[1][championBucket[c]] += f;
          }
          return metric.applyAsDouble(new BucketRanking(candidate[1], candidate[0]))
              - metric.applyAsDouble(new BucketRanking(champion[1], champion[0]));
        });
  }
}
