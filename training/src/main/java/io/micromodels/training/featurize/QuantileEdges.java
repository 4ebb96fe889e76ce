package io.micromodels.training.featurize;

import java.util.ArrayList;
import java.util.List;

/** Bin edges at the quantiles of a sample, for {@link BinnedFeaturizer}. */
final class QuantileEdges {
  private QuantileEdges() {}

  /**
   * The distinct values at ranks {@code floor(k n / bins)}, {@code k = 1 .. bins - 1}, of the
   * sorted sample, keeping only those above its minimum: with "at or above the edge" bins, each bin
   * then holds at least one sample value. An empty sample has no edges.
   */
  static List<Double> of(List<Double> sample, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1, found " + bins);
    }

    double[] sorted = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    List<Double> edges = new ArrayList<>();
    if (sorted.length == 0) {
      return edges;
    }

    double last = sorted[0];
    for (int k = 1; k < bins; k++) {
      double edge = sorted[(int) ((long) k * sorted.length / bins)];
      if (edge > last) {
        edges.add(edge);
        last = edge;
      }
    }

    return edges;
  }
}
