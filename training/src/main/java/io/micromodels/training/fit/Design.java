package io.micromodels.training.fit;

import io.micromodels.training.featurize.SparseVector;
import java.util.List;

/**
 * A training problem for a binary logistic regression: rows, 0/1 labels and row weights.
 *
 * @param rows feature vectors, indices within {@code [0, dimension)}
 * @param labels 1 for fraud, 0 for genuine
 * @param weights per-row weights (1 for plain rows)
 * @param dimension the number of feature indices
 */
public record Design(List<SparseVector> rows, double[] labels, double[] weights, int dimension) {
  public Design {
    rows = List.copyOf(rows);
    if (labels.length != rows.size() || weights.length != rows.size()) {
      throw new IllegalArgumentException("rows, labels and weights differ in length: "
          + rows.size() + ", " + labels.length + ", " + weights.length);
    }
  }

  public int size() {
    return rows.size();
  }
}
