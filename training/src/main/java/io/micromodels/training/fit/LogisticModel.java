package io.micromodels.training.fit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micromodels.training.featurize.SparseVector;
import java.util.Arrays;

/**
 * A fitted logistic regression: {@code logOdds(x) = intercept + w . x}. Stored sparsely (only
 * non-zero weights) in {@code model.json}; scored against a dense copy.
 */
public final class LogisticModel {
  private final double intercept;
  private final int dimension;
  private final int[] indices;
  private final double[] weights;
  private final double[] dense;

  @JsonCreator
  public LogisticModel(
      @JsonProperty("intercept") double intercept,
      @JsonProperty("dimension") int dimension,
      @JsonProperty("indices") int[] indices,
      @JsonProperty("weights") double[] weights) {
    if (indices.length != weights.length) {
      throw new IllegalArgumentException("indices and weights differ in length");
    }

    if (!Double.isFinite(intercept) || dimension < 0) {
      throw new IllegalArgumentException(
          "intercept must be finite and dimension >= 0: " + intercept + ", " + dimension);
    }

    this.intercept = intercept;
    this.dimension = dimension;
    this.indices = indices.clone();
    this.weights = weights.clone();
    this.dense = new double[dimension];
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= dimension) {
        throw new IllegalArgumentException(
            "weight index " + indices[i] + " outside 0.." + dimension);
      }

      // Increasing, so no index is given two weights (which one would count is ambiguous).
      if (i > 0 && indices[i] <= indices[i - 1]) {
        throw new IllegalArgumentException(
            "weight indices must increase: " + indices[i - 1] + " then " + indices[i]);
      }

      if (!Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " is not finite: " + weights[i]);
      }

      dense[indices[i]] = weights[i];
    }
  }

  /** A model from dense weights, keeping only the non-zero ones. */
  public static LogisticModel ofDense(double intercept, double[] denseWeights) {
    int nonZero = 0;
    for (double w : denseWeights) {
      nonZero += w != 0 ? 1 : 0;
    }

    int[] idx = new int[nonZero];
    double[] w = new double[nonZero];
    for (int i = 0, k = 0; i < denseWeights.length; i++) {
      if (denseWeights[i] != 0) {
        idx[k] = i;
        w[k++] = denseWeights[i];
      }
    }

    return new LogisticModel(intercept, denseWeights.length, idx, w);
  }

  public double logOdds(SparseVector x) {
    return intercept + x.dot(dense);
  }

  public static double sigmoid(double logOdds) {
    return logOdds >= 0
        ? 1 / (1 + Math.exp(-logOdds))
        : Math.exp(logOdds) / (1 + Math.exp(logOdds));
  }

  @JsonProperty
  public double intercept() {
    return intercept;
  }

  @JsonProperty
  public int dimension() {
    return dimension;
  }

  @JsonProperty
  public int[] indices() {
    return indices.clone();
  }

  @JsonProperty
  public double[] weights() {
    return weights.clone();
  }

  /** The weight of one index (0 when none). */
  public double weight(int index) {
    return dense[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogisticModel m
        && intercept == m.intercept
        && dimension == m.dimension
        && Arrays.equals(indices, m.indices)
        && Arrays.equals(weights, m.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(intercept);
  }

  @Override
  public String toString() {
    return "LogisticModel[intercept="
        + intercept
        + ", dimension="
        + dimension
        + ", nonZero="
        + indices.length
        + "]";
  }
}
