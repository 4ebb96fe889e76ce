package io.micromodels.evaluation.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import io.micromodels.evaluation.backtest.BacktestPlan;
import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.EffectiveConfig;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.backtest.StageTimes;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.features.AsOf;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.spark.ClientOutcome;
import io.micromodels.training.spark.TrainJob;
import io.micromodels.training.train.ClientSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple4;

/**
 * {@code micromodels backtest}: walk-forward, out-of-time backtests of every client in one Spark
 * application (DESIGN.md §4, Backtest and Evaluate). The feature rows of all folds are built once,
 * with labels as known at the evaluation date and each label's time; a fold's training rows take as
 * fraud only the labels known at its cut-off, so one build serves every fold without leaking
 * (features are point-in-time and never depend on the as-of). Each fold trains through the train
 * job; the held-out rows are scored by the fold's candidate, the champion and the parent inside the
 * tasks; one task per client computes the metrics, the gate and the report and writes them.
 */
public final class BacktestJob {
  /** The column of a held-out row's shard ({@link #shard}). */
  static final String SHARD = "shard";

  /**
   * Held-out rows per shard at most (about): a client with more is scored by several tasks, each
   * summarising a share of its customers. Default {@link #DEFAULT_ROWS_PER_SHARD}.
   */
  public static final String ROWS_PER_SHARD = "spark.micromodels.backtestRowsPerShard";

  static final long DEFAULT_ROWS_PER_SHARD = 250_000;

  /** Label delays beyond this many times a client's configured delay are not waited for. */
  static final int DELAY_HORIZON_FACTOR = 2;

  /** The resolution of the label-delay curve, in hours. */
  static final int DELAY_BUCKET_HOURS = 6;

  private final SparkSession spark;
  private final SparkSettings settings;
  private final Consumer<String> progress;

  /** A job that reports no progress. */
  public BacktestJob(SparkSession spark, SparkSettings settings) {
    this(spark, settings, line -> {});
  }

  /**
   * @param progress told a line as each walk-forward fold is trained; the CLI prints it
   */
  public BacktestJob(SparkSession spark, SparkSettings settings, Consumer<String> progress) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What a run did: each client's result and the stages' wall times.
   *
   * @param drift each evaluated client's drift, when the request asked for it
   */
  public record Result(
      List<ClientBacktest> clients,
      Map<String, FoldLayout> layouts,
      StageTimes times,
      Map<String, Drift> drift) {}

  /**
   * The last walk-forward fold's rows as this job trained and scored them, for the model-quality
   * benchmark ({@code micromodels bench quality}): the same rows, not a second construction.
   *
   * @param clients the effective configs of the clients that trained
   * @param trainRows the last fold's training rows, as the train job received them: each client's
   *     training window, the train job's columns added ({@code _label}, 1.0 for a fraud label known
   *     at the fold's cut-off; {@code _part}, fit or validation; {@code _fold})
   * @param testRows the feature rows of each client's last test window (fraud: {@code label_time}
   *     not null, as the metrics count it)
   * @param testScores {@code client_id, event_id, score, probability} of the last fold's candidate
   *     on those rows, scored by the same function and models as the rows the metrics read
   */
  public record LastFold(
      List<ClientConfig> clients,
      Map<String, FoldLayout> layouts,
      Dataset<Row> trainRows,
      Dataset<Row> testRows,
      Dataset<Row> testScores) {}

  public Result run(List<ClientConfig> configs, BacktestRequest request) {
    return run(configs, request, null);
  }

  /**
   * @param lastFold given the last fold's rows while they are still cached (walk-forward only), or
   *     null
   */
  public Result run(
      List<ClientConfig> configs, BacktestRequest request, Consumer<LastFold> lastFold) {
    if (lastFold != null && request.isHoldout()) {
      throw new IllegalArgumentException(
          "the last fold's rows are exported from walk-forward" + " backtests only");
    }

    BacktestPlan.WalkForward walk = request.plan() instanceof BacktestPlan.WalkForward w ? w : null;
    List<ClientConfig> effective =
        walk == null
            ? List.copyOf(configs)
            : configs.stream()
                .map(c -> EffectiveConfig.of(c, walk.trainDays(), walk.labelDelayDays()))
                .toList();
    List<ClientBacktest> failed = new ArrayList<>();
    Map<String, ClientModel> heldOut = new HashMap<>();
    Map<String, FoldLayout> layouts = layouts(effective, request, heldOut, failed);
    List<ClientConfig> clients =
        effective.stream().filter(c -> layouts.containsKey(c.clientId().value())).toList();
    String runDir = BacktestFiles.join(request.outDir(), request.runId());
    BacktestFiles.writeLayout(runDir, layouts);
    StageTimes.Clock clock = StageTimes.start();
    if (clients.isEmpty()) {
      return new Result(List.copyOf(failed), layouts, clock.times(), Map.of());
    }

    Map<String, DriftJob.Plan> driftPlans = new LinkedHashMap<>();
    if (request.drift()) {
      clients.forEach(
          c ->
              driftPlans.put(
                  c.clientId().value(),
                  DriftJob.Plan.of(
                      c,
                      layouts.get(c.clientId().value()),
                      request.champions().get(c.clientId().value()))));
    }

    Dataset<Row> features =
        new FeatureJob(spark, settings)
            .build(
                clients,
                range(
                    layouts.values(),
                    driftPlans.values().stream().map(DriftJob.Plan::referenceStart).toList(),
                    request.evaluatedAt()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      features.count();
      clock.lap("features");
      List<Dataset<Row>> lastTrainRows = new ArrayList<>(1);
      Map<String, List<ClientOutcome>> trained =
          walk == null
              ? heldOut(heldOut, (BacktestPlan.Holdout) request.plan())
              : trainFolds(
                  clients, layouts, features, walk.folds(), request, runDir, lastTrainRows);
      clock.lap("train");
      Map<String, ClientPlan> plans = new LinkedHashMap<>();
      Map<String, LabelCompleteness> completeness =
          labelCompleteness(clients, features, request.evaluatedAt());
      Map<String, Drift> drift = DriftJob.measure(spark, features, clients, driftPlans);
      if (request.drift()) {
        clock.lap("drift");
      }

      for (ClientConfig c : clients) {
        String id = c.clientId().value();
        List<ClientOutcome> outcomes = trained.get(id);
        ClientOutcome broken =
            outcomes.stream()
                .filter(o -> o.status() != ClientOutcome.Status.TRAINED)
                .findFirst()
                .orElse(null);
        if (broken != null) {
          failed.add(
              ClientBacktest.failed(
                  id,
                  "fold "
                      + (outcomes.indexOf(broken) + 1)
                      + " did not train: "
                      + broken.message()));
          continue;
        }

        plans.put(
            id,
            FoldModels.plan(
                c,
                layouts.get(id),
                outcomes,
                championFile(runDir, request.champions().get(id)),
                request,
                completeness.getOrDefault(id, LabelCompleteness.NO_HISTORY),
                lineage(c, layouts.get(id), request),
                drift.get(id)));
      }

      // Each client's rows in shards of its customers, sorted by client and shard: a task scores
      // shards into summaries, reading only its clients' models; a second pass merges each
      // client's summaries and evaluates them. No task holds a client's events.
      Dataset<Row> testRows =
          testRows(clients, layouts, features)
              .filter(col("client_id").isin(plans.keySet().toArray()));
      Dataset<Row> byShard =
          testRows
              .withColumn(SHARD, shard(shards(testRows)))
              .repartition(col("client_id"), col(SHARD))
              .sortWithinPartitions("client_id", SHARD, "event_time", "event_id");
      Broadcast<Map<String, ClientPlan>> shipped =
          JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Map.copyOf(plans));
      Dataset<Row> summaries =
          byShard.mapPartitions(
              new ShardScoring(shipped, runDir), Encoders.row(ShardScoring.SCHEMA));
      List<ClientBacktest> results =
          new ArrayList<>(
              summaries
                  .repartition(col("client_id"))
                  .sortWithinPartitions("client_id", SHARD)
                  .mapPartitions(
                      new ClientEvaluationFunction(shipped, runDir),
                      Encoders.javaSerialization(ClientBacktest.class))
                  .collectAsList());
      clock.lap("score, metrics and report");
      if (lastFold != null) {
        List<ClientConfig> evaluated =
            clients.stream().filter(c -> plans.containsKey(c.clientId().value())).toList();
        Dataset<Row> lastTest = lastTestRows(evaluated, layouts, features);
        lastFold.accept(
            new LastFold(
                evaluated,
                layouts,
                lastTrainRows.get(0),
                lastTest,
                candidateScores(
                    byShard.mapPartitions(
                        new ScoreEventsFunction(shipped),
                        Encoders.javaSerialization(KeyedEvent.class)))));
      }

      shipped.destroy();
      results.addAll(failed);
      for (String id : layouts.keySet()) {
        if (results.stream().noneMatch(r -> r.clientId().equals(id))) {
          results.add(ClientBacktest.failed(id, "no decision events in its test windows"));
        }
      }

      List<String> order = configs.stream().map(c -> c.clientId().value()).toList();
      results.sort(java.util.Comparator.comparing(r -> order.indexOf(r.clientId())));
      return new Result(results, layouts, clock.times(), drift);
    } finally {
      features.unpersist();
    }
  }

  /**
   * Each client's folds: walk-forward from its (effective) config, or the holdout of its trained
   * candidate. A client whose candidate is missing or whose champion trained on its test windows is
   * failed here, with the reason, and left out of the run.
   */
  private static Map<String, FoldLayout> layouts(
      List<ClientConfig> clients,
      BacktestRequest request,
      Map<String, ClientModel> heldOut,
      List<ClientBacktest> failed) {
    Map<String, FoldLayout> layouts = new LinkedHashMap<>();
    for (ClientConfig c : clients) {
      String id = c.clientId().value();
      ClientModel champion = request.champions().get(id);
      FoldLayout layout;
      if (request.plan() instanceof BacktestPlan.Holdout holdout) {
        String file = candidateFile(holdout, id);
        String json = BacktestFiles.readIfExists(file);
        if (json == null) {
          failed.add(ClientBacktest.failed(id, "no trained candidate at " + file));
          continue;
        }

        ClientModel candidate = ModelFormat.fromJson(json, file);
        try {
          layout =
              FoldLayout.holdout(
                  request.evaluatedAt(),
                  candidate,
                  champion,
                  c.training().trainDays(),
                  c.label().delayDays());
        } catch (IllegalArgumentException e) {
          failed.add(ClientBacktest.failed(id, e.getMessage()));
          continue;
        }

        heldOut.put(id, candidate);
      } else {
        layout =
            EffectiveConfig.layout(
                c, (BacktestPlan.WalkForward) request.plan(), request.evaluatedAt());
      }

      Optional<String> leak =
          champion == null
              ? Optional.empty()
              : layout.inSample("champion", champion.training().windowEnd());
      if (leak.isPresent()) {
        failed.add(ClientBacktest.failed(id, leak.get()));
        continue;
      }

      layouts.put(id, layout);
    }

    return layouts;
  }

  /** The holdout's one "fold" per client: its trained candidate, as the train job reported it. */
  private static Map<String, List<ClientOutcome>> heldOut(
      Map<String, ClientModel> candidates, BacktestPlan.Holdout holdout) {
    Map<String, List<ClientOutcome>> outcomes = new HashMap<>();
    candidates.forEach(
        (id, m) ->
            outcomes.put(
                id,
                List.of(
                    new ClientOutcome(
                        id,
                        ClientOutcome.Status.TRAINED,
                        m.training().solver(),
                        m.training().rows(),
                        m.training().fraudLabels(),
                        m.fallback().usesGlobalModel(),
                        candidateFile(holdout, id),
                        null))));
    return outcomes;
  }

  /** A holdout's trained candidate: {@code <trainedCandidates>/<client>/model.json}. */
  private static String candidateFile(BacktestPlan.Holdout holdout, String clientId) {
    return BacktestFiles.join(
        BacktestFiles.join(holdout.trainedCandidates(), clientId), ModelFormat.FILE_NAME);
  }

  /**
   * The days every fold of every client needs (and every drift reference, from its start), labels
   * as known at the evaluation date.
   */
  static FeatureRange range(
      Iterable<FoldLayout> layouts, List<Instant> referenceStarts, Instant evaluatedAt) {
    LocalDate from =
        referenceStarts.stream().map(BacktestJob::day).min(LocalDate::compareTo).orElse(null);
    LocalDate to = null;
    for (FoldLayout layout : layouts) {
      LocalDate start = day(layout.firstTrainStart());
      LocalDate last = day(layout.testEnd()).minusDays(1);
      from = from == null || start.isBefore(from) ? start : from;
      to = to == null || last.isAfter(to) ? last : to;
    }

    return new FeatureRange(from, to, evaluatedAt);
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Trains every fold: fold k on the rows of its windows, fraud only where known at its cut-off.
   */
  private Map<String, List<ClientOutcome>> trainFolds(
      List<ClientConfig> clients,
      Map<String, FoldLayout> layouts,
      Dataset<Row> features,
      int folds,
      BacktestRequest request,
      String runDir,
      List<Dataset<Row>> lastTrainRows) {
    Map<String, List<ClientOutcome>> trained = new LinkedHashMap<>();
    clients.forEach(c -> trained.put(c.clientId().value(), new ArrayList<>()));
    TrainJob job = new TrainJob(spark, settings);
    for (int k = 1; k <= folds; k++) {
      int index = k;
      Map<String, ClientSpec> specs = new LinkedHashMap<>();
      for (ClientConfig c : clients) {
        Fold fold = layouts.get(c.clientId().value()).folds().get(k - 1);
        ClientSpec spec = ClientSpec.of(c, fold.cutoff());
        if (!spec.window().start().equals(fold.trainStart())
            || !spec.window().end().equals(fold.trainEnd())) {
          throw new IllegalStateException(
              "fold "
                  + k
                  + " of "
                  + c.clientId()
                  + ": training window "
                  + spec.window()
                  + " differs from the layout's "
                  + fold);
        }

        specs.put(c.clientId().value(), spec);
      }

      Dataset<Row> asOfCutoff =
          features.withColumn(
              "label",
              FeatureJob.perClient(
                  clients,
                  c ->
                      when(
                              col("label_time")
                                  .leq(
                                      lit(
                                          layouts
                                              .get(c.clientId().value())
                                              .folds()
                                              .get(index - 1)
                                              .cutoff())),
                              lit(1))
                          .otherwise(lit(0))));
      Dataset<Row> rows = TrainJob.windowed(asOfCutoff, clients, specs);
      if (k == folds) {
        lastTrainRows.add(rows);
      }

      TrainJob.Report report =
          job.train(
              clients,
              specs,
              rows,
              request.champions(),
              BacktestFiles.foldModels(runDir, k),
              System.nanoTime());
      report.outcomes().forEach(o -> trained.get(o.clientId()).add(o));
      progress.accept(
          "   fold "
              + k
              + "/"
              + folds
              + " trained: "
              + report.outcomes().stream()
                  .map(
                      o ->
                          o.clientId()
                              + " "
                              + o.status().name().toLowerCase()
                              + (o.fallback() ? " (global model)" : ""))
                  .toList());
    }

    return trained;
  }

  /** The champion's model.json under the run, for the tasks to read; null without one. */
  private static String championFile(String runDir, ClientModel champion) {
    if (champion == null) {
      return null;
    }

    String file =
        BacktestFiles.join(
            BacktestFiles.join(
                BacktestFiles.join(BacktestFiles.join(runDir, "models"), "champion"),
                champion.clientId()),
            ModelFormat.FILE_NAME);
    BacktestFiles.write(
        file, ModelFormat.toJson(champion).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return file;
  }

  /** Decision events of each client's test windows. */
  /**
   * The number of shards of each client with more than {@link #ROWS_PER_SHARD} held-out rows (one
   * count per client reaches the driver); the others have one.
   */
  private Map<String, Integer> shards(Dataset<Row> testRows) {
    String setting = spark.conf().get(ROWS_PER_SHARD, String.valueOf(DEFAULT_ROWS_PER_SHARD));
    long perShard;
    try {
      perShard = Long.parseLong(setting.trim());
    } catch (NumberFormatException e) {
      perShard = 0;
    }
    if (perShard < 1) {
      throw new IllegalArgumentException(
          ROWS_PER_SHARD + " must be a positive whole number of" + " rows: " + setting);
    }

    long rows = perShard;
    Map<String, Integer> shards = new LinkedHashMap<>();
    testRows
        .groupBy("client_id")
        .count()
        .filter(col("count").gt(lit(rows)))
        .collectAsList()
        .forEach(r -> shards.put(r.getString(0), (int) Math.ceil((double) r.getLong(1) / rows)));
    return shards;
  }

  /** A row's shard: its customer's hash modulo its client's shards, so a customer is in one. */
  private static Column shard(Map<String, Integer> shards) {
    Column count = lit(1);
    for (Map.Entry<String, Integer> client : shards.entrySet()) {
      count =
          when(col("client_id").equalTo(lit(client.getKey())), lit(client.getValue()))
              .otherwise(count);
    }
    return pmod(hash(col("customer_id")), count);
  }

  private static Dataset<Row> testRows(
      List<ClientConfig> clients, Map<String, FoldLayout> layouts, Dataset<Row> features) {
    return features.filter(
        FeatureJob.perClient(
            clients,
            c -> {
              FoldLayout layout = layouts.get(c.clientId().value());
              return col("event_time")
                  .geq(lit(layout.testStart()))
                  .and(col("event_time").lt(lit(layout.testEnd())));
            }));
  }

  /** Decision events of each client's last test window. */
  private static Dataset<Row> lastTestRows(
      List<ClientConfig> clients, Map<String, FoldLayout> layouts, Dataset<Row> features) {
    return features.filter(
        FeatureJob.perClient(
            clients,
            c -> {
              List<Fold> folds = layouts.get(c.clientId().value()).folds();
              Fold last = folds.get(folds.size() - 1);
              return col("event_time")
                  .geq(lit(last.testStart()))
                  .and(col("event_time").lt(lit(last.testEnd())));
            }));
  }

  /** Each scored event's candidate score and probability. */
  private static Dataset<Row> candidateScores(Dataset<KeyedEvent> scored) {
    return scored
        .map(
            (MapFunction<KeyedEvent, Tuple4<String, String, Double, Double>>)
                e ->
                    new Tuple4<>(
                        e.clientId(),
                        e.event().eventId(),
                        e.event().candidate().score(),
                        e.event().candidate().probability()),
            Encoders.tuple(
                Encoders.STRING(), Encoders.STRING(), Encoders.DOUBLE(), Encoders.DOUBLE()))
        .toDF("client_id", "event_id", "score", "probability");
  }

  /**
   * Each client's label-delay curve, from its events old enough that their labels have had {@value
   * #DELAY_HORIZON_FACTOR} times the configured delay to arrive. The tasks count delays per client
   * in {@value #DELAY_BUCKET_HOURS}-hour steps, rounded up, so the driver receives at most one row
   * per client and step of the horizon however many labels there are (5,000 clients with a 120-day
   * horizon: 2.4 M rows at most); a label counted up to a step late can only lower a fold's
   * completeness, never raise it.
   */
  private static Map<String, LabelCompleteness> labelCompleteness(
      List<ClientConfig> clients, Dataset<Row> features, Instant evaluatedAt) {
    Map<String, List<Row>> hours = new HashMap<>();
    features
        .filter(
            col("label_time")
                .isNotNull()
                .and(
                    FeatureJob.perClient(
                        clients,
                        c ->
                            col("event_time")
                                .leq(lit(evaluatedAt.minus(horizon(c))))
                                .and(
                                    col("label_time")
                                        .leq(col("event_time").plus(expr(horizon(c))))))))
        .selectExpr(
            "client_id",
            "CAST(CEIL((unix_micros(label_time) - unix_micros(event_time))"
                + " / "
                + DELAY_BUCKET_HOURS * 3_600_000_000L
                + "D) AS INT) AS delay_steps")
        .groupBy("client_id", "delay_steps")
        .count()
        .collectAsList()
        .forEach(r -> hours.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
    Map<String, LabelCompleteness> out = new HashMap<>();
    hours.forEach(
        (id, rows) ->
            out.put(
                id,
                LabelCompleteness.fromCounts(
                    rows.stream()
                        .mapToDouble(r -> r.getInt(1) * DELAY_BUCKET_HOURS / 24.0)
                        .toArray(),
                    rows.stream().mapToLong(r -> r.getLong(2)).toArray())));
    return out;
  }

  private static Duration horizon(ClientConfig c) {
    return Duration.ofDays(Math.max(14, (long) DELAY_HORIZON_FACTOR * c.label().delayDays()));
  }

  private static org.apache.spark.sql.Column expr(Duration duration) {
    return org.apache.spark.sql.functions.expr("INTERVAL " + duration.toDays() + " DAYS");
  }

  private Map<String, String> lineage(ClientConfig c, FoldLayout layout, BacktestRequest request) {
    Map<String, String> lineage = new LinkedHashMap<>();
    lineage.put("run", request.runId());
    lineage.put("test windows as of", AsOf.format(request.windowsAsOf()));
    lineage.put("evaluated at (labels as of)", AsOf.format(request.evaluatedAt()));
    lineage.put(
        "events table",
        settings.tablePath("events")
            + " @ version "
            + DeltaVersions.of(spark, settings.tablePath("events")));
    lineage.put("config", c.source().toString());
    lineage.put("config hash (effective)", c.configHash());
    lineage.put(
        "models tested",
        request.plan() instanceof BacktestPlan.Holdout h
            ? "the trained candidates of " + h.trainedCandidates() + " as they are (holdout)"
            : "each fold's candidate, trained as of its cut-off (walk-forward)");
    lineage.put(
        "folds",
        layout.folds().size()
            + " × "
            + layout.testDays()
            + " test days, "
            + layout.trainDays()
            + " train days, label delay "
            + layout.labelDelayDays()
            + " days");
    for (String line : layout.describe()) {
      lineage.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
    }

    return lineage;
  }
}
