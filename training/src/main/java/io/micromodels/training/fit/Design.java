package io.micromodels.training.fit;

import io.micromodels.training.featurize.SparseVector;
import java.util.List;

/**
 * A training problem for a binary logistic regression: rows and their 0/1 labels. Rows are
 * unweighted: class imbalance is left to calibration, which keeps the objective the same in
 * LIBLINEAR and MLlib.
 *
 * @param rows feature vectors, indices within {@code [0, dimension)}
 * @param labels 1 for fraud, 0 for genuine
 * @param dimension the number of feature indices
 */
public record Design(List<SparseVector> rows, double[] labels, int dimension) {
  public Design {
    rows = List.copyOf(rows);
    if (labels.length != rows.size()) {
      throw new IllegalArgumentException(
          "rows and labels differ in length: " + rows.size() + " vs " + labels.length);
    }
  }

  public int size() {
    return rows.size();
  }
}
