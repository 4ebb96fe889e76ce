package io.micromodels.training.featurize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tabular} micromodel's featurizer: declared numeric columns (velocities, amounts,
 * ratios, account age, delayed entity risk), each with the {@link Transform} its client config
 * declares. Column {@code i} of {@code n} gives index {@code i} (the transformed value) and index
 * {@code n + i}, a missing indicator: 1 when the value is absent or not finite, and then the value
 * is 0 (the training mean of a standardised column). The fitted state is this record, written into
 * {@code model.json}.
 *
 * <p>The transform is declared, never chosen from the data: an automatic log switch once cost a
 * card-fraud client 0.13 average precision, because a threshold on the raw amount is what the fraud
 * looks like and the log squeezed it away (docs/micromodels.md).
 *
 * @param columns the fitted columns, in feature order
 * @param clip the bound of the {@link Transform#CLIP} and {@link Transform#LOG1P} columns, positive
 */
public record TabularFeaturizer(List<Column> columns, double clip) implements Featurizer {
  public static final double CLIP_DEFAULT = 10;

  public TabularFeaturizer {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a tabular featurizer needs at least one column");
    }

    if (!(clip > 0) || Double.isInfinite(clip)) {
      throw new IllegalArgumentException("clip must be positive and finite, found " + clip);
    }
  }

  /**
   * How a present raw value becomes a feature. Its name is the same in client configs and in {@code
   * model.json}.
   */
  public enum Transform {
    /** The raw value as is: for flags and values already on a small scale. Not bounded. */
    NONE("none", false),
    /** {@code (x - mean) / std} of the training values. Not bounded. */
    STANDARDISE("standardise", false),
    /** Standardised, then clipped to {@code ±clip}: an absurd live value cannot dominate. */
    CLIP("clip", true),
    /**
     * {@code ln(1 + max(x, 0))}, then standardised and clipped: for counts and amounts where a
     * ratio matters more than a difference. A negative value counts as 0.
     */
    LOG1P("log1p", true);

    /** The default: bounded, and linear in the raw value so a step in it stays a step. */
    public static final Transform DEFAULT = CLIP;

    /**
     * The name model.json format 1 had for {@link #CLIP} before transforms were declared
     * (standardise and clip without a log); read so that older artifacts score as before.
     */
    static final String LEGACY_IDENTITY = "identity";

    private static final Map<String, Transform> BY_NAME = index();

    private final String configName;
    private final boolean clips;

    Transform(String configName, boolean clips) {
      this.configName = configName;
      this.clips = clips;
    }

    /** The name in client configs and {@code model.json}. */
    @JsonValue
    public String configName() {
      return configName;
    }

    /** Every transform by its name, in declaration order. */
    public static Map<String, Transform> byName() {
      return BY_NAME;
    }

    /**
     * Reads a name from {@code model.json}, the legacy {@value #LEGACY_IDENTITY} included.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static Transform fromJson(String name) {
      Transform transform = LEGACY_IDENTITY.equals(name) ? CLIP : BY_NAME.get(name);
      if (transform == null) {
        throw new IllegalArgumentException(
            "unknown tabular transform `" + name + "`; expected one of " + BY_NAME.keySet());
      }

      return transform;
    }

    /** The value that is standardised (unused by {@link #NONE}). */
    double prepare(double x) {
      return this == LOG1P ? StrictMath.log1p(Math.max(x, 0)) : x;
    }

    /** The feature of a present raw value, given the column's fitted mean and scale. */
    double apply(double x, double mean, double scale, double clip) {
      if (this == NONE) {
        return x;
      }

      double z = (prepare(x) - mean) / scale;
      return clips ? Math.max(-clip, Math.min(clip, z)) : z;
    }

    private static Map<String, Transform> index() {
      Map<String, Transform> names = new LinkedHashMap<>();
      Arrays.stream(values()).forEach(t -> names.put(t.configName, t));
      return Collections.unmodifiableMap(names);
    }
  }

  /**
   * A declared column, before fitting.
   *
   * @param name the input column
   * @param transform as the client config declares it
   */
  public record Declared(String name, Transform transform) {}

  /**
   * One fitted column.
   *
   * @param name the input column
   * @param transform as declared
   * @param mean the mean of the prepared training values ({@link Transform#prepare}); 0 for {@link
   *     Transform#NONE}, which does not standardise
   * @param scale their population standard deviation, or 1 when it is 0 or there were no values; 1
   *     for {@link Transform#NONE}
   */
  public record Column(String name, Transform transform, double mean, double scale) {
    public Column {
      if (name == null || name.isBlank() || transform == null) {
        throw new IllegalArgumentException("a tabular column needs a name and a transform");
      }

      if (!Double.isFinite(mean) || !(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException(
            "column "
                + name
                + " needs a finite mean and a positive"
                + " finite scale, found "
                + mean
                + " and "
                + scale);
      }

      if (transform == Transform.NONE && (mean != 0 || scale != 1)) {
        throw new IllegalArgumentException(
            "column "
                + name
                + " is not standardised (transform"
                + " none): its mean must be 0 and its scale 1, found "
                + mean
                + " and "
                + scale);
      }
    }

    /** The feature of a present raw value. */
    double value(double x, double clip) {
      return transform.apply(x, mean, scale, clip);
    }
  }

  /**
   * Fits the declared columns on training rows: the mean and population standard deviation of each
   * column's prepared values ({@code ln(1 + max(x, 0))} for {@link Transform#LOG1P}, the raw value
   * otherwise). Absent and non-finite values are left out; a column without values gets mean 0 and
   * scale 1, and so does every {@link Transform#NONE} column.
   */
  public static TabularFeaturizer fit(
      List<Declared> declared, Iterable<? extends ModelInput> rows, double clip) {
    int n = declared.size();
    RunningMoments[] moments = new RunningMoments[n];
    Arrays.setAll(moments, i -> new RunningMoments());
    for (ModelInput row : rows) {
      for (int i = 0; i < n; i++) {
        Double value = row.number(declared.get(i).name());
        if (value != null && Double.isFinite(value)) {
          moments[i].add(declared.get(i).transform().prepare(value));
        }
      }
    }

    List<Column> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Declared column = declared.get(i);
      boolean standardised = column.transform() != Transform.NONE;
      // Values near Double.MAX_VALUE overflow the moments; such a column falls back to 0 and 1.
      double mean = moments[i].mean();
      double std = moments[i].std();
      columns.add(
          new Column(
              column.name(),
              column.transform(),
              standardised && Double.isFinite(mean) ? mean : 0,
              standardised && std > 0 && Double.isFinite(std) ? std : 1));
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
        vector.add(i, column.value(value, clip));
      }
    }

    return vector.build();
  }

  /**
   * The features of one column's value alone (index {@code column} or {@code n + column}): a row's
   * vector is the sum of its columns' ones, so the weights times this vector are the column's
   * contribution to the log-odds, as for {@link BinnedFeaturizer#featurizeColumn}.
   *
   * @param value the column's value, or null for a missing one
   */
  public SparseVector featurizeColumn(int column, Double value) {
    SparseVectorBuilder vector = new SparseVectorBuilder(1);
    if (value == null || !Double.isFinite(value)) {
      vector.add(columns.size() + column, 1);
    } else {
      vector.add(column, columns.get(column).value(value, clip));
    }

    return vector.build();
  }
}
