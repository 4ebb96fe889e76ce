package io.micromodels.evaluation.metrics;

/**
 * The distinct score values of a ranking, highest first, with how many fraud and genuine rows sit
 * exactly at each: scikit-learn's {@code _binary_clf_curve} thresholds, from which both average
 * precision and ROC AUC follow in one pass.
 */
final class Thresholds {
  final int size;
  final int[] frauds;
  final int[] genuines;
  final int totalFrauds;
  final int totalGenuines;

  private Thresholds(int size, int[] frauds, int[] genuines) {
    this.size = size;
    this.frauds = frauds;
    this.genuines = genuines;
    int fraudSum = 0;
    int genuineSum = 0;
    for (int i = 0; i < size; i++) {
      fraudSum += frauds[i];
      genuineSum += genuines[i];
    }
    this.totalFrauds = fraudSum;
    this.totalGenuines = genuineSum;
  }

  static Thresholds of(double[] scores, boolean[] fraud) {
    Checks.sameLength(scores.length, fraud.length, "scores and labels");
    Checks.finite(scores, "scores");
    int[] order = IndexOrder.ascending(scores);
    int[] frauds = new int[scores.length];
    int[] genuines = new int[scores.length];
    int size = 0;
    int i = scores.length - 1;
    while (i >= 0) {
      double value = scores[order[i]];
      for (; i >= 0 && scores[order[i]] == value; i--) {
        if (fraud[order[i]]) {
          frauds[size]++;
        } else {
          genuines[size]++;
        }
      }
      size++;
    }
    return new Thresholds(size, frauds, genuines);
  }

  /** The non-empty buckets of per-bucket counts (index = bucket, highest score last). */
  static Thresholds of(long[] fraudsPerBucket, long[] genuinesPerBucket) {
    int[] frauds = new int[fraudsPerBucket.length];
    int[] genuines = new int[fraudsPerBucket.length];
    int size = 0;
    for (int b = fraudsPerBucket.length - 1; b >= 0; b--) {
      if (fraudsPerBucket[b] + genuinesPerBucket[b] > 0) {
        frauds[size] = Math.toIntExact(fraudsPerBucket[b]);
        genuines[size] = Math.toIntExact(genuinesPerBucket[b]);
        size++;
      }
    }
    return new Thresholds(size, frauds, genuines);
  }

  /** Step-wise average precision; only meaningful when {@link #hasBothClasses}. */
  double averagePrecision() {
    double sum = 0;
    long fraudsAbove = 0;
    long rowsAbove = 0;
    for (int i = 0; i < size; i++) {
      fraudsAbove += frauds[i];
      rowsAbove += frauds[i] + genuines[i];
      if (frauds[i] > 0) {
        sum += (double) frauds[i] / totalFrauds * fraudsAbove / rowsAbove;
      }
    }
    return sum;
  }

  /** Mann-Whitney AUC, a tie counting half a pair; only meaningful when {@link #hasBothClasses}. */
  double rocAuc() {
    double pairsWon = 0;
    long fraudsAbove = 0;
    for (int i = 0; i < size; i++) {
      pairsWon += genuines[i] * (fraudsAbove + 0.5 * frauds[i]);
      fraudsAbove += frauds[i];
    }
    return pairsWon / ((double) totalFrauds * totalGenuines);
  }

  /** Whether both classes are present, i.e. whether a ranking metric is defined. */
  boolean hasBothClasses() {
    return totalFrauds > 0 && totalGenuines > 0;
  }
}
