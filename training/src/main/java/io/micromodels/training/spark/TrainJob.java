package io.micromodels.training.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.micromodels.features.AsOf;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.TrainingSpec;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.Folds;
import io.micromodels.training.train.GlobalModel;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.ModelPlan;
import io.micromodels.training.train.ModelTrainer;
import io.micromodels.training.train.TrainingException;
import io.micromodels.training.train.TrainingRows;
import io.micromodels.training.train.TrainingWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code micromodels train}: every client in one Spark job (DESIGN.md §4, Train). Feature rows of
 * each client's window are built as of the training moment (labels known then). The global
 * micromodels train first on all clients' pooled rows (a sample of at most {@link
 * #GLOBAL_SAMPLE_ROWS} of a larger pool): inside one task with LIBLINEAR when those rows are at
 * most {@link #GLOBAL_ROW_CAP}, otherwise with MLlib. Then every client trains inside one task with
 * LIBLINEAR (one {@code groupByKey}, cogrouped with the champions), a client above its row cap on a
 * sample of its rows ({@link RowCapSample}).
 */
public final class TrainJob {
  private static final UserDefinedFunction FOLD =
      udf((UDF2<String, String, Integer>) Folds::of, DataTypes.IntegerType);

  /**
   * Spark conf key: the most pooled rows the global model trains on inside one task with LIBLINEAR;
   * above it the global model trains with MLlib. Default {@link #DEFAULT_GLOBAL_ROW_CAP}, within
   * the bounds of {@code training.row_cap}. Set it in the platform config's {@code spark} map or
   * with spark-submit's {@code --conf}.
   */
  public static final String GLOBAL_ROW_CAP = "spark.micromodels.globalRowCap";

  /**
   * Lower than the clients' {@link TrainingSpec#DEFAULT_ROW_CAP}: one task trains the global model
   * while the rest of the cluster waits, whereas client tasks run side by side (measured in
   * docs/training.md, "Engines").
   */
  public static final long DEFAULT_GLOBAL_ROW_CAP = 100_000;

  /**
   * Spark conf key: the most pooled rows the global model trains on. A larger pool is sampled down
   * to about this many rows, by a hash of each row's client and event id (the same rows whatever
   * the partitioning). Default {@link #DEFAULT_GLOBAL_SAMPLE_ROWS}, within the bounds of {@code
   * training.row_cap}.
   */
  public static final String GLOBAL_SAMPLE_ROWS = "spark.micromodels.globalSampleRows";

  /**
   * On the training benchmark's 5.2M pooled rows a sample of a million gave the global model the
   * same validation losses within one standard error in a third of the time (docs/training.md,
   * "Global sample"); every MLlib pass grows with the rows.
   */
  public static final long DEFAULT_GLOBAL_SAMPLE_ROWS = 1_000_000;

  /** Hash buckets of the pool sample: the kept share has a resolution of one in a million. */
  private static final long SAMPLE_BUCKETS = 1_000_000;

  private final SparkSession spark;
  private final SparkSettings settings;

  public TrainJob(SparkSession spark, SparkSettings settings) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Trains the clients and writes {@code <outDir>/<client>/model.json}.
   *
   * @param champions client id to its production model (clients without one are absent)
   */
  public List<ClientOutcome> run(
      List<ClientConfig> clients, Instant asOf, Map<String, ClientModel> champions, String outDir) {
    return runReporting(clients, asOf, champions, outDir).outcomes();
  }

  /**
   * What a run did and where its time went: building the feature rows (until they are cached), the
   * global model, and the clients (one task each), in seconds.
   *
   * @param global the global model, or null when no micromodel is global
   * @param globalSolver {@code liblinear} (one task) or {@code mllib}, or null with no global model
   * @param pooledRows all clients' training rows
   * @param globalRows the pooled rows the global model trained on (a sample of a larger pool, see
   *     {@link #GLOBAL_SAMPLE_ROWS}); 0 with no global model
   */
  public record Report(
      List<ClientOutcome> outcomes,
      GlobalModel global,
      String globalSolver,
      long pooledRows,
      long globalRows,
      double featureSeconds,
      double globalSeconds,
      double clientSeconds) {}

  /** As {@link #run}, also reporting the global model and the phases' times (the benchmark). */
  public Report runReporting(
      List<ClientConfig> clients, Instant asOf, Map<String, ClientModel> champions, String outDir) {
    Map<String, ClientSpec> specs = specs(clients, asOf);
    long start = System.nanoTime();
    return train(clients, specs, labelledRows(clients, specs, asOf), champions, outDir, start);
  }

  /** Each client's training spec as of a moment. */
  public static Map<String, ClientSpec> specs(List<ClientConfig> clients, Instant asOf) {
    Map<String, ClientSpec> specs = new LinkedHashMap<>();
    clients.forEach(c -> specs.put(c.clientId().value(), ClientSpec.of(c, asOf)));
    return specs;
  }

  /**
   * Trains the clients on rows already built (by {@link #labelledRows} or {@link #windowed}): the
   * backtest builds its feature rows once and trains every fold on them.
   *
   * @param start when the run began ({@link System#nanoTime}), for the feature phase's time
   */
  public Report train(
      List<ClientConfig> clients,
      Map<String, ClientSpec> specs,
      Dataset<Row> labelledRows,
      Map<String, ClientModel> champions,
      String outDir,
      long start) {
    // bad settings fail before the feature build
    long globalRowCap = rowsSetting(GLOBAL_ROW_CAP, DEFAULT_GLOBAL_ROW_CAP);
    long globalSampleRows = rowsSetting(GLOBAL_SAMPLE_ROWS, DEFAULT_GLOBAL_SAMPLE_ROWS);
    // The feature rows come in one partition per few input files: hundreds for a thousand
    // clients' day folders, and every MLlib iteration of the global model then ran that many
    // tasks over little data. The shuffle-partition count keeps the passes parallel.
    Dataset<Row> rows =
        labelledRows
            .repartition(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Counting first caches the rows, so the feature build is timed on its own.
      Map<String, TrainingRows.Counts> counts = new HashMap<>();
      rows.groupBy("client_id")
          .agg(count(lit(1)), sum(col(TrainingColumns.LABEL)))
          .collectAsList()
          .forEach(
              r ->
                  counts.put(
                      r.getString(0),
                      new TrainingRows.Counts(r.getLong(1), Math.round(r.getDouble(2)))));
      long featured = System.nanoTime();
      List<MicromodelSpec> shared = globalMicromodels(clients);
      long pooledRows = counts.values().stream().mapToLong(TrainingRows.Counts::rows).sum();
      if (pooledRows == 0) {
        throw noRows(specs);
      }

      Dataset<Row> globalPool = sample(rows, pooledRows, globalSampleRows);
      long globalRows =
          shared.isEmpty() ? 0 : pooledRows <= globalSampleRows ? pooledRows : globalPool.count();
      String globalSolver =
          shared.isEmpty() ? null : globalRows <= globalRowCap ? "liblinear" : "mllib";
      GlobalModel global =
          shared.isEmpty()
              ? null
              : globalModel(ModelPlan.global(shared), globalPool, "liblinear".equals(globalSolver));
      long globalDone = System.nanoTime();

      Map<String, Double> rates = RowCapSample.rates(clients, counts);
      String globalJson = global == null ? null : ModelFormat.render(global);
      List<ClientOutcome> outcomes =
          RowCapSample.apply(spark, rows, rates)
              .groupByKey(
                  (MapFunction<Row, String>) r -> r.getString(r.fieldIndex("client_id")),
                  Encoders.STRING())
              .cogroup(
                  championsByClient(champions),
                  new ClientTrainFunction(specs, globalJson, rates, outDir),
                  Encoders.javaSerialization(ClientOutcome.class))
              .collectAsList();

      long done = System.nanoTime();
      return new Report(
          ordered(outcomes, specs),
          global,
          globalSolver,
          pooledRows,
          globalRows,
          seconds(start, featured),
          seconds(featured, globalDone),
          seconds(globalDone, done));
    } finally {
      rows.unpersist();
    }
  }

  /**
   * The champions as (client id, model JSON) grouped by client, to be cogrouped with the clients'
   * rows: each task then receives its own clients' champions only, not every client's inside its
   * function.
   */
  private KeyValueGroupedDataset<String, Tuple2<String, String>> championsByClient(
      Map<String, ClientModel> champions) {
    List<Tuple2<String, String>> jsons = new ArrayList<>();
    champions.forEach((id, model) -> jsons.add(new Tuple2<>(id, ModelFormat.toJson(model))));
    return spark
        .createDataset(jsons, Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
        .groupByKey((MapFunction<Tuple2<String, String>, String>) Tuple2::_1, Encoders.STRING());
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  /** Trains one client and writes its model; a failure becomes the client's outcome. */
  static ClientOutcome trainOne(
      ClientSpec spec, TrainingRows rows, GlobalModel global, ClientModel champion, String outDir) {
    try {
      ClientModel model = ClientTrainer.train(spec, rows, global, champion);
      if (global != null && !model.fallback().usesGlobalModel()) {
        // the parent beside the model: what a backtest compares the client's own model with
        ModelFiles.write(
            outDir,
            ClientTrainer.parent(spec, rows, global, champion),
            ModelFiles.PARENT_FILE_NAME);
      }

      return new ClientOutcome(
          spec.clientId(),
          ClientOutcome.Status.TRAINED,
          rows.solver(),
          model.training().rows(),
          model.training().fraudLabels(),
          model.fallback().usesGlobalModel(),
          ModelFiles.write(outDir, model, ModelFormat.FILE_NAME),
          model.fallback().reason());
    } catch (TrainingException | IllegalArgumentException | IllegalStateException e) {
      // the counts are read again only for a failure report (the model carries them otherwise)
      TrainingRows.Counts counts = rows.counts();
      return new ClientOutcome(
          spec.clientId(),
          ClientOutcome.Status.FAILED,
          rows.solver(),
          counts.rows(),
          counts.frauds(),
          false,
          null,
          e.getMessage());
    }
  }

  /**
   * Feature rows of each client's window with label, validation part and fold columns: the rows
   * {@link DatasetRows} and {@link ClientTrainFunction} train on.
   */
  public Dataset<Row> labelledRows(
      List<ClientConfig> clients, Map<String, ClientSpec> specs, Instant asOf) {
    LocalDate from = null;
    LocalDate to = null;
    for (ClientSpec spec : specs.values()) {
      LocalDate start = spec.window().start().atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate last = spec.window().end().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
      from = from == null || start.isBefore(from) ? start : from;
      to = to == null || last.isAfter(to) ? last : to;
    }

    return windowed(
        new FeatureJob(spark, settings).build(clients, new FeatureRange(from, to, asOf)),
        clients,
        specs);
  }

  /**
   * Feature rows (with a 0/1 {@code label}) cut to each client's training window, with the
   * validation part and fold columns added.
   */
  public static Dataset<Row> windowed(
      Dataset<Row> features, List<ClientConfig> clients, Map<String, ClientSpec> specs) {
    return features
        .filter(
            FeatureJob.perClient(clients, c -> inWindow(specs.get(c.clientId().value()).window())))
        .withColumn(TrainingColumns.LABEL, col("label").cast("double"))
        .withColumn(
            TrainingColumns.PART,
            FeatureJob.perClient(
                clients,
                c ->
                    when(
                            col("event_time")
                                .geq(
                                    lit(
                                        specs
                                            .get(c.clientId().value())
                                            .window()
                                            .validationStart())),
                            lit(LabelledRow.Part.VALIDATION.name()))
                        .otherwise(lit(LabelledRow.Part.FIT.name()))))
        .withColumn(TrainingColumns.FOLD, FOLD.apply(col("customer_id"), col("event_id")));
  }

  private static org.apache.spark.sql.Column inWindow(TrainingWindow window) {
    return col("event_time").geq(lit(window.start())).and(col("event_time").lt(lit(window.end())));
  }

  /** The global micromodels the clients declare, checked to agree; empty when there are none. */
  private static List<MicromodelSpec> globalMicromodels(List<ClientConfig> clients) {
    Map<String, MicromodelSpec> shared = new LinkedHashMap<>();
    Map<String, String> declaredBy = new HashMap<>();
    for (ClientConfig c : clients) {
      for (MicromodelSpec spec : c.micromodels()) {
        if (spec.scope() != MicromodelSpec.Scope.GLOBAL) {
          continue;
        }

        MicromodelSpec other = shared.putIfAbsent(spec.name(), spec);
        if (other != null && !other.equals(spec)) {
          throw new TrainingException(
              "Global micromodel `"
                  + spec.name()
                  + "` is declared"
                  + " differently by clients "
                  + declaredBy.get(spec.name())
                  + " and "
                  + c.clientId()
                  + " ("
                  + c.source()
                  + "); a global micromodel is trained once, so"
                  + " its type, inputs, regularisation and params must agree.");
        }

        declaredBy.putIfAbsent(spec.name(), c.clientId().value());
      }
    }

    return List.copyOf(shared.values());
  }

  /** Nothing to train on: names each client's window, so the user sees which data is missing. */
  private static TrainingException noRows(Map<String, ClientSpec> specs) {
    return new TrainingException(
        "No decision events to train on: no selected client has one in"
            + " its training window ("
            + specs.values().stream()
                .map(s -> s.clientId() + " " + AsOf.window(s.window().start(), s.window().end()))
                .collect(java.util.stream.Collectors.joining(", "))
            + "). Ingest the events of that period, or choose another --as-of.");
  }

  /** The global model over all clients' pooled rows, in one task or with MLlib. */
  private GlobalModel globalModel(ModelPlan plan, Dataset<Row> pooled, boolean inOneTask) {
    if (inOneTask) {
      GlobalTrainFunction.Outcome outcome =
          pooled
              .coalesce(1)
              .mapPartitions(
                  new GlobalTrainFunction(plan),
                  Encoders.javaSerialization(GlobalTrainFunction.Outcome.class))
              .first();
      if (outcome.failure() != null) {
        throw new TrainingException(outcome.failure());
      }

      return ModelFormat.parse(outcome.modelJson(), GlobalModel.class);
    }

    try (DatasetRows rows = new DatasetRows(pooled, MllibSolver.in(spark))) {
      ModelTrainer.Result result = ModelTrainer.train(plan, rows, Map.of());
      return new GlobalModel(result.scoring(), result.outOfFold());
    }
  }

  /**
   * About {@code wanted} of the pool's rows, kept by a hash of client and event id, so the same
   * rows are kept on every run and partitioning; the whole pool when it is no larger. The sample
   * leaks nothing: a client row outside it is scored by a fold model (or the final model) that
   * never saw it, as a row inside it is by the fold model trained without it.
   */
  static Dataset<Row> sample(Dataset<Row> pooled, long pooledRows, long wanted) {
    if (pooledRows <= wanted) {
      return pooled;
    }

    long kept = Math.max(1, Math.round((double) wanted / pooledRows * SAMPLE_BUCKETS));
    return pooled.filter(
        pmod(xxhash64(col("client_id"), col("event_id")), lit(SAMPLE_BUCKETS)).lt(kept));
  }

  /** A count of rows from the session's conf, within the bounds of {@code training.row_cap}. */
  private long rowsSetting(String key, long defaultRows) {
    String value = spark.conf().get(key, String.valueOf(defaultRows));
    long rows;
    try {
      rows = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number of rows: " + value, e);
    }

    if (rows < TrainingSpec.MIN_ROW_CAP || rows > TrainingSpec.MAX_ROW_CAP) {
      throw new IllegalArgumentException(
          key
              + " must be within "
              + TrainingSpec.MIN_ROW_CAP
              + ".."
              + TrainingSpec.MAX_ROW_CAP
              + ": "
              + value);
    }

    return rows;
  }

  private static List<ClientOutcome> ordered(
      List<ClientOutcome> outcomes, Map<String, ClientSpec> specs) {
    Map<String, ClientOutcome> byClient = new HashMap<>();
    outcomes.forEach(o -> byClient.put(o.clientId(), o));
    List<ClientOutcome> ordered = new ArrayList<>();
    for (String id : specs.keySet()) {
      ordered.add(
          byClient.getOrDefault(
              id,
              new ClientOutcome(
                  id,
                  ClientOutcome.Status.FAILED,
                  "-",
                  0,
                  0,
                  false,
                  null,
                  "no decision events in its training window")));
    }

    return ordered;
  }
}
