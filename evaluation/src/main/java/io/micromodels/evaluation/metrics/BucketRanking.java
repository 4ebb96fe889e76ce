package io.micromodels.evaluation.metrics;

import java.util.Arrays;

/**
 * Fraud and genuine counts per score bucket (index = bucket, highest score last), ranked from the
 * highest bucket down, in one of three orders within a bucket: tied (one threshold per bucket),
 * frauds last or frauds first (a threshold per row).
 */
record BucketRanking(long[] frauds, long[] genuines, Order order) {
  enum Order {
    TIED,
    FRAUDS_LAST,
    FRAUDS_FIRST
  }

  BucketRanking(long[] frauds, long[] genuines) {
    this(frauds, genuines, Order.TIED);
  }

  BucketRanking tied() {
    return new BucketRanking(frauds, genuines, Order.TIED);
  }

  BucketRanking fraudsLast() {
    return new BucketRanking(frauds, genuines, Order.FRAUDS_LAST);
  }

  BucketRanking fraudsFirst() {
    return new BucketRanking(frauds, genuines, Order.FRAUDS_FIRST);
  }

  private long total(long[] counts) {
    return Arrays.stream(counts).sum();
  }

  /** Step-wise AP ({@link Thresholds#averagePrecision}); NaN unless both classes are present. */
  double averagePrecision() {
    long totalFrauds = total(frauds);
    if (totalFrauds == 0 || total(genuines) == 0) {
      return Double.NaN;
    }

    double sum = 0;
    long fraudsAbove = 0;
    long rowsAbove = 0;
    for (int b = frauds.length - 1; b >= 0; b--) {
      long f = frauds[b];
      long g = genuines[b];
      if (f > 0) {
        sum +=
            switch (order) {
              case TIED -> (double) f * (fraudsAbove + f) / (rowsAbove + f + g);
              case FRAUDS_FIRST -> precisions(fraudsAbove, rowsAbove, f);
              case FRAUDS_LAST -> precisions(fraudsAbove, rowsAbove + g, f);
            };
      }
      fraudsAbove += f;
      rowsAbove += f + g;
    }
    return sum / totalFrauds;
  }

  /** The precisions at {@code f} frauds ranked one after another after {@code rowsAbove}. */
  private static double precisions(long fraudsAbove, long rowsAbove, long f) {
    double sum = 0;
    for (long j = 1; j <= f; j++) {
      sum += (double) (fraudsAbove + j) / (rowsAbove + j);
    }
    return sum;
  }

  /** Mann-Whitney AUC ({@link Thresholds#rocAuc}); NaN unless both classes are present. */
  double rocAuc() {
    long totalFrauds = total(frauds);
    long totalGenuines = total(genuines);
    if (totalFrauds == 0 || totalGenuines == 0) {
      return Double.NaN;
    }

    double tieShare =
        switch (order) {
          case TIED -> 0.5;
          case FRAUDS_FIRST -> 1;
          case FRAUDS_LAST -> 0;
        };
    double pairsWon = 0;
    long fraudsAbove = 0;
    for (int b = frauds.length - 1; b >= 0; b--) {
      pairsWon += genuines[b] * (fraudsAbove + tieShare * frauds[b]);
      fraudsAbove += frauds[b];
    }
    return pairsWon / ((double) totalFrauds * totalGenuines);
  }
}
