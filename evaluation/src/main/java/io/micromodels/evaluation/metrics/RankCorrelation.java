package io.micromodels.evaluation.metrics;

import java.util.Map;
import java.util.TreeSet;

/** Spearman rank correlation, as {@code scipy.stats.spearmanr} computes it. */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Pearson correlation of the two sides' ranks, tied values sharing their average rank.
   *
   * @return the correlation in [-1, 1], or NaN when fewer than two pairs are given or either side
   *     is constant (scipy returns NaN with a warning there too)
   * @throws IllegalArgumentException on different lengths or a non-finite value
   */
  public static double spearman(double[] x, double[] y) {
    Checks.sameLength(x.length, y.length, "x and y");
    Checks.finite(x, "x");
    Checks.finite(y, "y");
    if (x.length < 2) {
      return Double.NaN;
    }
    return pearson(averageRanks(x), averageRanks(y));
  }

  /**
   * Spearman correlation of two importance maps over the union of their keys, a key missing from
   * one side counting as 0 there (a micromodel that one model dropped has no importance).
   *
   * @return as {@link #spearman(double[], double[])}
   */
  public static double spearman(Map<String, Double> a, Map<String, Double> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    double[] x = new double[keys.size()];
    double[] y = new double[keys.size()];
    int i = 0;
    for (String key : keys) {
      x[i] = a.getOrDefault(key, 0.0);
      y[i] = b.getOrDefault(key, 0.0);
      i++;
    }
    return spearman(x, y);
  }

  /** 1-based ranks, each run of equal values getting the mean of the ranks it spans. */
  static double[] averageRanks(double[] values) {
    int[] order = IndexOrder.ascending(values);
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end < order.length && values[order[end]] == values[order[start]]) {
        end++;
      }

      double rank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        ranks[order[i]] = rank;
      }
      start = end;
    }
    return ranks;
  }

  private static double pearson(double[] x, double[] y) {
    double meanX = mean(x);
    double meanY = mean(y);
    double cross = 0;
    double squaresX = 0;
    double squaresY = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      cross += dx * dy;
      squaresX += dx * dx;
      squaresY += dy * dy;
    }
    if (squaresX == 0 || squaresY == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, cross / Math.sqrt(squaresX * squaresY)));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
