package io.micromodels.jobs.bench;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average precision as scikit-learn defines it ({@code sklearn.metrics.average_precision_score}):
 * {@code sum_k (R_k - R_(k-1)) P_k} over the distinct score thresholds, highest first, without
 * interpolation. The benchmark's own copy; the evaluation module owns the metrics proper.
 */
final class AveragePrecision {
  private AveragePrecision() {}

  static double of(double[] scores, double[] labels) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
    double positives = Arrays.stream(labels).sum();
    double truePositives = 0;
    double seen = 0;
    double previousRecall = 0;
    double ap = 0;
    for (int i = 0; i < order.length;) {
      double threshold = scores[order[i]];
      while (i < order.length && scores[order[i]] == threshold) {
        truePositives += labels[order[i]];
        seen++;
        i++;
      }

      double recall = truePositives / positives;
      ap += (recall - previousRecall) * (truePositives / seen);
      previousRecall = recall;
    }

    return ap;
  }
}
