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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Training rows kept distributed, fitted with MLlib: clients above their row cap and the pooled
 * global model above its ({@link TrainJob#GLOBAL_ROW_CAP}). Featurizers and out-of-fold models
 * travel as JSON and run inside the tasks; only models, loss sums and the validation slice (for
 * calibration and the policy) reach the driver.
 *
 * <p>A micromodel is fitted many times on slices of the same rows with the same featurizer (every C
 * of its grid, every fold, the whole window) and measured on the validation slice after each grid
 * fit. The rows are therefore featurized once per featurizer into a persisted design that keeps
 * each row's fold and part, and every slice filters that design: featurizing is the costly pass
 * (out-of-fold models parsed, text hashed), and MLlib would otherwise run it twice per fit. One
 * design is kept at a time, for the featurizer fitted last; {@link #close} releases it.
 */
public final class DatasetRows implements TrainingRows, AutoCloseable {
  /**
   * The most rows that reach the driver at once: a data-dependent featurizer (e.g. tabular
   * standardisation) is fitted on at most this many, and the validation slice behind the
   * calibration and the policy is a sample of at most this many. So the driver's share does not
   * grow with the rows (docs/scaling.md).
   */
  static final int DRIVER_ROWS = 200_000;

  private static final long SEED = 17;

  /** Rows per job when rows come to the driver ({@link #inPieces}). */
  private static final int PIECE_ROWS = 25_000;

  private static final String FEATURES = "features";
  private static final String LABEL = "label";
  private static final StructType DESIGN =
      new StructType()
          .add(LABEL, DataTypes.DoubleType)
          .add(FEATURES, new VectorUDT())
          .add(TrainingColumns.FOLD, DataTypes.IntegerType)
          .add(TrainingColumns.PART, DataTypes.StringType);
  private static final StructType SUMS =
      new StructType()
          .add("rows", DataTypes.LongType)
          .add("sum", DataTypes.DoubleType)
          .add("squares", DataTypes.DoubleType);

  private final Dataset<Row> all;
  private final Column kept;
  private final List<String> overlays;
  private final MllibSolver solver;
  private final Map<Featurizer, String> types;
  private final DesignSlot design;
  private final long driverRows;

  public DatasetRows(Dataset<Row> rows, MllibSolver solver) {
    this(rows, solver, DRIVER_ROWS);
  }

  /**
   * @param driverRows the most rows {@link #materialise} and featurizer fitting collect
   */
  DatasetRows(Dataset<Row> rows, MllibSolver solver, long driverRows) {
    this(rows, lit(true), List.of(), solver, new IdentityHashMap<>(), new DesignSlot(), driverRows);
  }

  /**
   * @param all the rows of the whole problem, before any slice
   * @param kept which of them these rows are (the slice's filter)
   * @param overlays the out-of-fold models stacked so far, as JSON; one list per stacked view
   */
  private DatasetRows(
      Dataset<Row> all,
      Column kept,
      List<String> overlays,
      MllibSolver solver,
      Map<Featurizer, String> types,
      DesignSlot design,
      long driverRows) {
    this.all = all;
    this.kept = kept;
    this.overlays = overlays;
    this.solver = solver;
    this.types = types;
    this.design = design;
    this.driverRows = driverRows;
  }

  @Override
  public Counts counts() {
    Row counts =
        rows()
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.sum(col(TrainingColumns.LABEL)))
            .first();
    return new Counts(counts.getLong(0), counts.isNullAt(1) ? 0 : Math.round(counts.getDouble(1)));
  }

  @Override
  public TrainingRows slice(Slice slice) {
    Column inSlice = col(TrainingColumns.FOLD).notEqual(lit(slice.excludedFold()));
    if (slice.part() != null) {
      inSlice = inSlice.and(col(TrainingColumns.PART).equalTo(lit(slice.part().name())));
    }

    return new DatasetRows(all, kept.and(inSlice), overlays, solver, types, design, driverRows);
  }

  @Override
  public Featurizer fitFeaturizer(MicromodelSpec spec) {
    List<LabelledRow> sampled = atMostDriverRows();
    Featurizer featurizer =
        MicromodelTypes.of(spec.type())
            .featurizer(spec, sampled.stream().map(LabelledRow::input).toList());
    types.put(featurizer, spec.type());
    return featurizer;
  }

  @Override
  public LogisticModel fit(Featurizer featurizer, double c) {
    return solver.fit(design(featurizer), FEATURES, LABEL, featurizer.dimension(), c);
  }

  @Override
  public LossSummary loss(Featurizer featurizer, LogisticModel model) {
    String modelJson = ModelFormat.render(model);
    List<Row> partials =
        design(featurizer)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    partition -> {
                      LogisticModel fitted = ModelFormat.parse(modelJson, LogisticModel.class);
                      long n = 0;
                      double sum = 0;
                      double squares = 0;
                      while (partition.hasNext()) {
                        Row row = partition.next();
                        org.apache.spark.ml.linalg.SparseVector x = row.getAs(FEATURES);
                        double loss =
                            LossSummary.logLoss(
                                fitted.logOdds(new SparseVector(x.indices(), x.values())),
                                row.getDouble(0));
                        n++;
                        sum += loss;
                        squares += loss * loss;
                      }

                      return List.of(RowFactory.create(n, sum, squares)).iterator();
                    },
                Encoders.row(SUMS))
            .collectAsList();
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
    return new DatasetRows(all, kept, List.copyOf(more), solver, types, design, driverRows);
  }

  /** All rows up to {@link #DRIVER_ROWS}, otherwise a seeded sample of that many. */
  @Override
  public List<LabelledRow> materialise() {
    return atMostDriverRows();
  }

  /**
   * These rows, or a seeded sample of at most {@link #driverRows} of them: what reaches the driver.
   * The sample is drawn at 1.2 times the wanted share in one pass over every partition and cut on
   * the driver (a {@code limit} would scan the partitions in rounds of jobs).
   */
  private List<LabelledRow> atMostDriverRows() {
    Dataset<Row> rows = rows();
    long total = rows.count();
    if (total <= driverRows) {
      return convert(inPieces(rows, total));
    }

    return convert(
        inPieces(
            rows.sample(false, Math.min(1.0, 1.2 * driverRows / total), SEED),
            (long) Math.ceil(1.2 * driverRows)));
  }

  /**
   * The first {@link #driverRows} of {@code rows} (about {@code expected} of them), fetched a piece
   * of at most {@value #PIECE_ROWS} rows per job: {@code spark.driver.maxResultSize} bounds each
   * job's results, and 200,000 rows of raw features (~580 bytes each) in one collect exceed the 64
   * MB that issue 31's small-memory run allows.
   */
  private List<Row> inPieces(Dataset<Row> rows, long expected) {
    int pieces = (int) Math.max(1, Math.ceil((double) expected / PIECE_ROWS));
    List<Row> kept = new ArrayList<>();
    Iterator<Row> fetched = rows.coalesce(pieces).toLocalIterator();
    while (fetched.hasNext() && kept.size() < driverRows) {
      kept.add(fetched.next());
    }
    return kept;
  }

  /** Only the pooled global model trains on distributed rows, and on all of them. */
  @Override
  public double genuineSampleRate() {
    return 1;
  }

  @Override
  public String solver() {
    return "mllib";
  }

  /** Releases the persisted design, if any. */
  @Override
  public void close() {
    design.release();
  }

  private Dataset<Row> rows() {
    return all.filter(kept);
  }

  /** These rows featurized: the problem's persisted design of this featurizer, sliced. */
  private Dataset<Row> design(Featurizer featurizer) {
    return design
        .of(featurizer, overlays, all.sparkSession(), () -> featurized(featurizer))
        .filter(kept);
  }

  /** All rows of the problem as label, vector, fold and part (the slices' columns). */
  private JavaRDD<Row> featurized(Featurizer featurizer) {
    ShippedFeaturizer shipped = ship(featurizer);
    List<String> shippedOverlays = overlays;
    return all.toJavaRDD()
        .mapPartitions(
            partition -> {
              Featurizer local = shipped.featurizer();
              List<OutOfFold> outOfFold = parse(shippedOverlays);
              List<Row> out = new ArrayList<>();
              while (partition.hasNext()) {
                LabelledRow row = TrainingColumns.labelled(partition.next(), outOfFold);
                SparseVector x = local.featurize(row.input());
                out.add(
                    RowFactory.create(
                        row.label(),
                        Vectors.sparse(local.dimension(), x.indices(), x.values()),
                        row.fold(),
                        row.part().name()));
              }

              return out.iterator();
            });
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

  /**
   * The one persisted design of a problem, shared by its slices and stacked views: a design is
   * built for a featurizer and the out-of-fold overlays it reads, and replaced (unpersisted) when
   * another pair asks. The trainer fits one micromodel at a time, so each design is built once.
   *
   * <p>The design is a persisted RDD under a DataFrame of its own rather than a cached Dataset: the
   * feature rows' logical plan is the whole feature build, and every query over a cached Dataset
   * still analyses and optimises that plan before it finds the cache, about 0.8 s per query on the
   * sample data, for every MLlib fit's passes and every L-BFGS job's setup.
   */
  private static final class DesignSlot {
    private Featurizer featurizer;
    private List<String> overlays;
    private JavaRDD<Row> persisted;
    private Dataset<Row> design;

    synchronized Dataset<Row> of(
        Featurizer wanted,
        List<String> wantedOverlays,
        SparkSession spark,
        Supplier<JavaRDD<Row>> build) {
      // identity, not equality: featurizers are fitted per problem, and the overlays list is
      // shared by a view and its slices (comparing the models' JSON would cost more than it saves)
      if (design == null || featurizer != wanted || overlays != wantedOverlays) {
        release();
        persisted = build.get().persist(StorageLevel.MEMORY_AND_DISK());
        design = spark.createDataFrame(persisted, DESIGN);
        featurizer = wanted;
        overlays = wantedOverlays;
      }

      return design;
    }

    synchronized void release() {
      if (persisted != null) {
        persisted.unpersist(false);
        persisted = null;
        design = null;
        featurizer = null;
        overlays = null;
      }
    }
  }
}
