package io.micromodels.training.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.LossSummary;
import io.micromodels.training.micromodel.MicromodelTypes;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.OutOfFold;
import io.micromodels.training.train.Slice;
import io.micromodels.training.train.TrainingRows;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Training rows kept distributed, fitted with MLlib: clients above their row cap and the pooled
 * global model. Featurizers and out-of-fold models travel as JSON and run inside the tasks; only
 * models, loss sums and the validation slice (for calibration and the policy) reach the driver.
 */
public final class DatasetRows implements TrainingRows {
  /** Rows a data-dependent featurizer (e.g. tabular standardisation) is fitted on, at most. */
  static final int FEATURIZER_SAMPLE = 200_000;
  private static final long SEED = 17;
  private static final StructType DESIGN = new StructType()
      .add("label", DataTypes.DoubleType)
      .add("features", new VectorUDT());
  private static final StructType SUMS = new StructType()
      .add("rows", DataTypes.LongType)
      .add("sum", DataTypes.DoubleType)
      .add("squares", DataTypes.DoubleType);

  private final Dataset<Row> rows;
  private final List<String> overlays;
  private final MllibSolver solver;
  private final Map<Featurizer, String> types;

  public DatasetRows(Dataset<Row> rows, MllibSolver solver) {
    this(rows, List.of(), solver, new IdentityHashMap<>());
  }

  private DatasetRows(Dataset<Row> rows, List<String> overlays, MllibSolver solver,
      Map<Featurizer, String> types) {
    this.rows = rows;
    this.overlays = List.copyOf(overlays);
    this.solver = solver;
    this.types = types;
  }

  @Override
  public Counts counts() {
    Row counts = rows.agg(org.apache.spark.sql.functions.count(lit(1)),
        org.apache.spark.sql.functions.sum(col(TrainingColumns.LABEL))).first();
    return new Counts(counts.getLong(0), counts.isNullAt(1) ? 0 : Math.round(counts.getDouble(1)));
  }

  @Override
  public TrainingRows slice(Slice slice) {
    Column kept = col(TrainingColumns.FOLD).notEqual(lit(slice.excludedFold()));
    if (slice.part() != null) {
      kept = kept.and(col(TrainingColumns.PART).equalTo(lit(slice.part().name())));
    }

    return new DatasetRows(rows.filter(kept), overlays, solver, types);
  }

  @Override
  public Featurizer fitFeaturizer(MicromodelSpec spec) {
    long total = rows.count();
    Dataset<Row> sample = total <= FEATURIZER_SAMPLE ? rows
        : rows.sample(false, Math.min(1.0, 1.2 * FEATURIZER_SAMPLE / total), SEED);
    List<LabelledRow> sampled = convert(sample.limit(FEATURIZER_SAMPLE).collectAsList());
    Featurizer featurizer = MicromodelTypes.of(spec.type())
        .featurizer(spec, sampled.stream().map(LabelledRow::input).toList());
    types.put(featurizer, spec.type());
    return featurizer;
  }

  @Override
  public LogisticModel fit(Featurizer featurizer, double c) {
    ShippedFeaturizer shipped = ship(featurizer);
    List<String> shippedOverlays = overlays;
    Dataset<Row> design = rows.mapPartitions((MapPartitionsFunction<Row, Row>) partition -> {
      Featurizer local = shipped.featurizer();
      List<OutOfFold> outOfFold = parse(shippedOverlays);
      List<Row> out = new ArrayList<>();
      while (partition.hasNext()) {
        LabelledRow row = TrainingColumns.labelled(partition.next(), outOfFold);
        SparseVector x = local.featurize(row.input());
        out.add(RowFactory.create(row.label(),
            Vectors.sparse(local.dimension(), x.indices(), x.values())));
      }

      return out.iterator();
    }, Encoders.row(DESIGN));
    return solver.fit(design, "features", "label", featurizer.dimension(), c);
  }

  @Override
  public LossSummary loss(Featurizer featurizer, LogisticModel model) {
    ShippedFeaturizer shipped = ship(featurizer);
    String modelJson = ModelFormat.render(model);
    List<String> shippedOverlays = overlays;
    List<Row> partials = rows.mapPartitions((MapPartitionsFunction<Row, Row>) partition -> {
      Featurizer local = shipped.featurizer();
      LogisticModel fitted = ModelFormat.parse(modelJson, LogisticModel.class);
      List<OutOfFold> outOfFold = parse(shippedOverlays);
      long n = 0;
      double sum = 0;
      double squares = 0;
      while (partition.hasNext()) {
        LabelledRow row = TrainingColumns.labelled(partition.next(), outOfFold);
        double loss = LossSummary.logLoss(fitted.logOdds(local.featurize(row.input())), row.label());
        n++;
        sum += loss;
        squares += loss * loss;
      }

      return List.of(RowFactory.create(n, sum, squares)).iterator();
    }, Encoders.row(SUMS)).collectAsList();
    long n = 0;
    double sum = 0;
    double squares = 0;
    for (Row partial : partials) {
      n += partial.getLong(0);
      sum += partial.getDouble(1);
      squares += partial.getDouble(2);
    }

    return LossSummary.ofSums(n, sum, squares);
  }

  @Override
  public TrainingRows withOutOfFold(OutOfFold outOfFold) {
    List<String> more = new ArrayList<>(overlays);
    more.add(ModelFormat.render(outOfFold));
    return new DatasetRows(rows, more, solver, types);
  }

  @Override
  public List<LabelledRow> materialise() {
    return convert(rows.collectAsList());
  }

  @Override
  public String solver() {
    return "mllib";
  }

  private List<LabelledRow> convert(List<Row> collected) {
    List<OutOfFold> outOfFold = parse(overlays);
    List<LabelledRow> converted = new ArrayList<>(collected.size());
    for (Row row : collected) {
      converted.add(TrainingColumns.labelled(row, outOfFold));
    }

    return converted;
  }

  private ShippedFeaturizer ship(Featurizer featurizer) {
    String type = types.get(featurizer);
    if (type == null) {
      throw new IllegalStateException("featurizer not fitted by these rows: " + featurizer);
    }

    return ShippedFeaturizer.of(type, featurizer);
  }

  private static List<OutOfFold> parse(List<String> overlays) {
    return overlays.stream().map(json -> ModelFormat.parse(json, OutOfFold.class)).toList();
  }

}
