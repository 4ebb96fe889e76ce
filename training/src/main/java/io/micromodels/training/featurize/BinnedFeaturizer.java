package io.micromodels.training.featurize;

import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code binned} micromodel's featurizer: each declared numeric column cut into quantile bins
 * fitted on the training rows, so that the logistic regression over its vector learns one step
 * curve per column (an additive model, as a generalised additive model or InterpretML's EBM without
 * the boosting). Steps, saturation and thresholds such as "amount above 220" are within reach,
 * where a linear term in the value or its logarithm is not.
 *
 * <p>Column {@code i} of {@code n}, with {@code e} edges and so {@code e + 1} bins, owns the block
 * {@code [offset(i), offset(i) + 2e + 2)}:
 *
 * <ul>
 *   <li>{@code e + 1} <em>level</em> indicators, one per bin, of value {@link #levelValue()};
 *   <li>{@code e} <em>step</em> indicators, step {@code k} of value 1 when the value is at or above
 *       edge {@code k} (a thermometer code);
 *   <li>one missing indicator, the only feature set when the value is absent or not finite.
 * </ul>
 *
 * <p>The contribution of bin {@code b} is its level weight times {@link #levelValue()} plus the sum
 * of the step weights below it. The solver's L2 penalty on a step weight is a penalty on the
 * difference between neighbouring bins, and on a level weight a penalty on the bin's own deviation;
 * {@code smoothness} prices the second against the first (a level costs {@code 1 + smoothness}
 * times what a step of the same size costs). The fitted shape is therefore a step curve that
 * changes where the data insists, and a sparse bin borrows its neighbours' value instead of
 * shrinking to zero on its own. Values below the first edge fall into the first bin and values
 * above the last into the last: the ends are clipped, so an absurd live value scores as the largest
 * value seen in training.
 *
 * @param columns the fitted columns, in feature order
 * @param smoothness the price of a level deviation relative to a step, at least 0
 */
public record BinnedFeaturizer(List<Column> columns, double smoothness) implements Featurizer {
  public static final int BINS_DEFAULT = 16;
  public static final double SMOOTHNESS_DEFAULT = 9;

  public BinnedFeaturizer {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a binned featurizer needs at least one column");
    }

    if (!(smoothness >= 0) || Double.isInfinite(smoothness)) {
      throw new IllegalArgumentException(
          "smoothness must be finite and at least 0, found " + smoothness);
    }
  }

  /**
   * One fitted column.
   *
   * @param name the input column
   * @param edges the bin edges, finite and strictly increasing; a value {@code x} falls into bin
   *     {@code b} = the number of edges at or below {@code x}
   */
  public record Column(String name, List<Double> edges) {
    public Column {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a binned column needs a name");
      }

      edges = List.copyOf(edges);
      for (int k = 0; k < edges.size(); k++) {
        double edge = edges.get(k);
        if (!Double.isFinite(edge) || k > 0 && !(edge > edges.get(k - 1))) {
          throw new IllegalArgumentException(
              "column "
                  + name
                  + " needs finite, strictly"
                  + " increasing bin edges, found "
                  + edges);
        }
      }
    }

    /** The bin of a present value: the number of edges at or below it. */
    public int bin(double value) {
      int low = 0;
      int high = edges.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (edges.get(middle) <= value) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }

      return low;
    }

    public int bins() {
      return edges.size() + 1;
    }

    /** The size of this column's block of features. */
    int width() {
      return 2 * edges.size() + 2;
    }
  }

  /**
   * Fits the columns on training rows: per column, the distinct quantiles {@code k / bins} ({@code
   * k = 1 .. bins - 1}) of its present, finite values above their minimum, so that every bin holds
   * training values and equal values never straddle an edge. Few distinct values give fewer bins (a
   * 0/1 flag gets one edge); a column without values gets a single bin.
   */
  public static BinnedFeaturizer fit(
      List<String> names, Iterable<? extends ModelInput> rows, int bins, double smoothness) {
    List<List<Double>> values = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      values.add(new ArrayList<>());
    }

    for (ModelInput row : rows) {
      for (int i = 0; i < names.size(); i++) {
        Double value = row.number(names.get(i));
        if (value != null && Double.isFinite(value)) {
          values.get(i).add(value);
        }
      }
    }

    List<Column> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      columns.add(new Column(names.get(i), QuantileEdges.of(values.get(i), bins)));
    }

    return new BinnedFeaturizer(columns, smoothness);
  }

  /** The value of a level indicator: {@code 1 / sqrt(1 + smoothness)}. */
  public double levelValue() {
    return 1 / Math.sqrt(1 + smoothness);
  }

  @Override
  public int dimension() {
    int dimension = 0;
    for (Column column : columns) {
      dimension += column.width();
    }

    return dimension;
  }

  @Override
  public SparseVector featurize(ModelInput row) {
    SparseVectorBuilder vector = new SparseVectorBuilder();
    int offset = 0;
    for (Column column : columns) {
      addColumn(vector, offset, column, row.number(column.name()));
      offset += column.width();
    }

    return vector.build();
  }

  /**
   * The features of one column's value alone, at their indices in the whole vector: a row's vector
   * is the sum of its columns' ones, so the weights times this vector are the column's contribution
   * to the log-odds (what the report plots as the column's learned shape).
   *
   * @param value the column's value, or null for a missing one
   */
  public SparseVector featurizeColumn(int column, Double value) {
    int offset = 0;
    for (int i = 0; i < column; i++) {
      offset += columns.get(i).width();
    }

    SparseVectorBuilder vector = new SparseVectorBuilder();
    addColumn(vector, offset, columns.get(column), value);
    return vector.build();
  }

  private void addColumn(SparseVectorBuilder vector, int offset, Column column, Double value) {
    int edges = column.edges().size();
    if (value == null || !Double.isFinite(value)) {
      vector.add(offset + 2 * edges + 1, 1);
      return;
    }

    int bin = column.bin(value);
    vector.add(offset + bin, levelValue());
    for (int step = 0; step < bin; step++) {
      vector.add(offset + edges + 1 + step, 1);
    }
  }
}
