package io.micromodels.training.featurize;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tabular} micromodel's featurizer: declared numeric columns (velocities, amounts,
 * ratios, account age, delayed entity risk), each transformed, standardised with its training
 * mean and standard deviation, and clipped to {@code ±clip}, so that an absurd live value cannot
 * dominate the score. Column {@code i} of {@code n} gives index {@code i} (the standardised value)
 * and index {@code n + i}, a missing indicator: 1 when the value is absent or not finite, and then
 * the value is 0 (the training mean). The fitted state is this record, written into
 * {@code model.json}.
 *
 * @param columns the fitted columns, in feature order
 * @param clip the bound on standardised values, positive
 */
public record TabularFeaturizer(List<Column> columns, double clip) implements Featurizer {
  public static final double CLIP_DEFAULT = 10;
  /**
   * A non-negative column whose sample skewness exceeds this is log-transformed: counts and
   * amounts are right-skewed, and on a log scale a few heavy users do not squeeze everyone else
   * into a sliver near the mean.
   */
  public static final double LOG_SKEWNESS = 1;

  public TabularFeaturizer {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a tabular featurizer needs at least one column");
    }

    if (!(clip > 0) || Double.isInfinite(clip)) {
      throw new IllegalArgumentException("clip must be positive and finite, found " + clip);
    }
  }

  /** How a raw value is transformed before standardising. */
  public enum Transform {
    @JsonProperty("identity")
    IDENTITY,
    /** {@code ln(1 + max(x, 0))}: chosen for non-negative data, so a negative live value is 0. */
    @JsonProperty("log1p")
    LOG1P;

    public double apply(double x) {
      return this == LOG1P ? StrictMath.log1p(Math.max(x, 0)) : x;
    }
  }

  /**
   * One fitted column.
   *
   * @param name the input column
   * @param transform applied before standardising
   * @param mean the mean of the transformed training values
   * @param scale their standard deviation, or 1 when it is 0 or there were no values
   */
  public record Column(String name, Transform transform, double mean, double scale) {
    public Column {
      if (name == null || name.isBlank() || transform == null) {
        throw new IllegalArgumentException("a tabular column needs a name and a transform");
      }

      if (!Double.isFinite(mean) || !(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("column " + name + " needs a finite mean and a positive"
            + " finite scale, found " + mean + " and " + scale);
      }
    }

    /** The clipped standardised value of a present raw value. */
    double standardise(double x, double clip) {
      double z = (transform.apply(x) - mean) / scale;
      return Math.max(-clip, Math.min(clip, z));
    }
  }

  /**
   * Fits the columns on training rows: per column, {@link Transform#LOG1P} when every value is
   * non-negative and the skewness exceeds {@value #LOG_SKEWNESS}, identity otherwise; then the
   * mean and population standard deviation of the transformed values. Absent and non-finite
   * values are left out; a column without values gets mean 0 and scale 1.
   */
  public static TabularFeaturizer fit(List<String> names, Iterable<? extends ModelInput> rows,
      double clip) {
    int n = names.size();
    RunningMoments[] raw = new RunningMoments[n];
    RunningMoments[] logged = new RunningMoments[n];
    for (int i = 0; i < n; i++) {
      raw[i] = new RunningMoments();
      logged[i] = new RunningMoments();
    }

    for (ModelInput row : rows) {
      for (int i = 0; i < n; i++) {
        Double value = row.number(names.get(i));
        if (value != null && Double.isFinite(value)) {
          raw[i].add(value);
          logged[i].add(Transform.LOG1P.apply(value));
        }
      }
    }

    List<Column> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean log = raw[i].count() > 0 && raw[i].min() >= 0
          && raw[i].skewness() > LOG_SKEWNESS;
      RunningMoments moments = log ? logged[i] : raw[i];
      // Values near Double.MAX_VALUE overflow the moments; such a column falls back to 0 and 1.
      double mean = Double.isFinite(moments.mean()) ? moments.mean() : 0;
      double std = moments.std();
      columns.add(new Column(names.get(i), log ? Transform.LOG1P : Transform.IDENTITY, mean,
          std > 0 && Double.isFinite(std) ? std : 1));
    }

    return new TabularFeaturizer(columns, clip);
  }

  @Override
  public int dimension() {
    return 2 * columns.size();
  }

  @Override
  public SparseVector featurize(ModelInput row) {
    int n = columns.size();
    SparseVectorBuilder vector = new SparseVectorBuilder(n);
    for (int i = 0; i < n; i++) {
      Column column = columns.get(i);
      Double value = row.number(column.name());
      if (value == null || !Double.isFinite(value)) {
        vector.add(n + i, 1);
      } else {
        vector.add(i, column.standardise(value, clip));
      }
    }

    return vector.build();
  }

  /**
   * The features of one column's value alone (index {@code column} or {@code n + column}): a
   * row's vector is the sum of its columns' ones, so the weights times this vector are the
   * column's contribution to the log-odds, as for {@link BinnedFeaturizer#featurizeColumn}.
   *
   * @param value the column's value, or null for a missing one
   */
  public SparseVector featurizeColumn(int column, Double value) {
    SparseVectorBuilder vector = new SparseVectorBuilder(1);
    if (value == null || !Double.isFinite(value)) {
      vector.add(columns.size() + column, 1);
    } else {
      vector.add(column, columns.get(column).standardise(value, clip));
    }

    return vector.build();
  }
}
