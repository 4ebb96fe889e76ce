package io.micromodels.training.featurize;

import java.util.Arrays;

/**
 * A sparse feature vector: strictly increasing indices with their values. Build one with {@link
 * SparseVectorBuilder}, which sums repeated indices.
 */
public record SparseVector(int[] indices, double[] values) {
  public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values differ in length: " + indices.length + " vs " + values.length);
    }

    for (int i = 1; i < indices.length; i++) {
      if (indices[i] <= indices[i - 1]) {
        throw new IllegalArgumentException(
            "indices must increase strictly: " + Arrays.toString(indices));
      }
    }
  }

  public int size() {
    return indices.length;
  }

  /** The dot product with a dense weight array (indices beyond it count as zero weight). */
  public double dot(double[] weights) {
    double sum = 0;
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < weights.length) {
        sum += values[i] * weights[indices[i]];
      }
    }

    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SparseVector v
        && Arrays.equals(indices, v.indices)
        && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < indices.length; i++) {
      text.append(i == 0 ? "" : ", ").append(indices[i]).append(':').append(values[i]);
    }

    return text.append('}').toString();
  }
}
