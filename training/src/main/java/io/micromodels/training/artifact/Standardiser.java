package io.micromodels.training.artifact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.input.ModelInput;
import java.util.Arrays;
import java.util.List;

/**
 * Standardises the combiner's input columns with training means and standard deviations. A missing
 * value becomes the mean (0 after standardisation), so each column's contribution to the combiner's
 * log-odds is exactly its weight times its standardised value. Registered as the micromodel type
 * {@code standardised} (a plain linear model over declared numeric columns).
 */
public final class Standardiser implements Featurizer {
  private final List<String> columns;
  private final double[] means;
  private final double[] scales;

  @JsonCreator
  public Standardiser(
      @JsonProperty("columns") List<String> columns,
      @JsonProperty("means") double[] means,
      @JsonProperty("scales") double[] scales) {
    if (columns.size() != means.length || columns.size() != scales.length) {
      throw new IllegalArgumentException("columns, means and scales differ in length");
    }

    for (double scale : scales) {
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException(
            "scales must be positive and finite: " + Arrays.toString(scales));
      }
    }

    this.columns = List.copyOf(columns);
    this.means = means.clone();
    this.scales = scales.clone();
  }

  /** Fits means and standard deviations (a constant column gets scale 1). */
  public static Standardiser fit(List<String> columns, Iterable<? extends ModelInput> rows) {
    int k = columns.size();
    double[] sum = new double[k];
    double[] sumSquares = new double[k];
    long[] count = new long[k];
    for (ModelInput row : rows) {
      for (int j = 0; j < k; j++) {
        Double x = row.number(columns.get(j));
        if (x != null) {
          sum[j] += x;
          sumSquares[j] += x * x;
          count[j]++;
        }
      }
    }

    double[] means = new double[k];
    double[] scales = new double[k];
    for (int j = 0; j < k; j++) {
      means[j] = count[j] == 0 ? 0 : sum[j] / count[j];
      double variance =
          count[j] < 2 ? 0 : (sumSquares[j] - count[j] * means[j] * means[j]) / (count[j] - 1);
      scales[j] = variance > 1e-24 ? Math.sqrt(variance) : 1;
    }

    return new Standardiser(columns, means, scales);
  }

  /** The standardised values of a row, in column order. */
  public double[] standardise(ModelInput row) {
    double[] z = new double[means.length];
    for (int j = 0; j < z.length; j++) {
      Double x = row.number(columns.get(j));
      z[j] = x == null ? 0 : (x - means[j]) / scales[j];
    }

    return z;
  }

  @Override
  public SparseVector featurize(ModelInput row) {
    return Combiner.vector(standardise(row));
  }

  @Override
  public int dimension() {
    return columns.size();
  }

  @JsonProperty
  public List<String> columns() {
    return columns;
  }

  @JsonProperty
  public double[] means() {
    return means.clone();
  }

  @JsonProperty
  public double[] scales() {
    return scales.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Standardiser s
        && columns.equals(s.columns)
        && Arrays.equals(means, s.means)
        && Arrays.equals(scales, s.scales);
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31 + Arrays.hashCode(means);
  }
}
