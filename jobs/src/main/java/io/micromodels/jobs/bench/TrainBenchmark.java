package io.micromodels.jobs.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.spark.ClientOutcome;
import io.micromodels.training.spark.DatasetRows;
import io.micromodels.training.spark.MllibSolver;
import io.micromodels.training.spark.TrainJob;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.TrainingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The train job on every client of a warehouse (one Spark job: LIBLINEAR inside one task per
 * client) against the naive approach, a sequential loop that trains one client after another with
 * MLlib by the same steps ({@link ClientTrainer} on {@link DatasetRows}, one Spark job per fit), in
 * the same session. The loop runs on a seeded subset of mixed sizes, within a time budget, and is
 * extrapolated to all clients by {@link NaiveLoopEstimate}. Clients get the benchmark config {@code
 * bench/standard-training.yaml}.
 */
public final class TrainBenchmark {
  private static final String CLIENT_FOLDER = "client_id=";
  private final SparkSession spark;
  private final SparkSettings settings;
  private final Path scratch;

  public TrainBenchmark(SparkSession spark, SparkSettings settings, Path scratch) {
    this.spark = spark;
    this.settings = settings;
    this.scratch = scratch;
  }

  /**
   * Measures both paths; returns the figures.
   *
   * @param overrides merged into every client's config (a JSON object, maybe empty)
   * @param baselineClients how many clients the naive loop trains at most
   * @param baselineSeconds the loop's time budget: it stops after the client that passes it
   */
  public Map<String, Object> run(
      Instant asOf, JsonNode overrides, int baselineClients, long baselineSeconds, long seed) {
    List<String> ids = clients(settings.tablePath(IngestJob.EVENTS_TABLE));
    List<ClientConfig> configs =
        BenchConfigs.fromTemplate(
            "/bench/standard-training.yaml", "", overrides, ids, scratch.resolve("bench-clients"));

    TrainJob job = new TrainJob(spark, settings);
    long start = System.nanoTime();
    TrainJob.Report report =
        job.runReporting(configs, asOf, Map.of(), scratch.resolve("models").toString());
    double ours = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "train job: %.1f s (features %.1f, global %.1f, clients %.1f)%n",
        ours, report.featureSeconds(), report.globalSeconds(), report.clientSeconds());

    List<ClientOutcome> picked = NaiveLoopEstimate.pick(report.outcomes(), baselineClients, seed);
    List<NaiveLoopEstimate.Measured> measured =
        naiveLoop(job, configs, picked, report, asOf, baselineSeconds);
    NaiveLoopEstimate estimate = NaiveLoopEstimate.of(measured, report.outcomes());
    double naive = report.featureSeconds() + report.globalSeconds() + estimate.totalSeconds();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "training-clients");
    result.put("input", input(report.outcomes(), asOf, overrides, configs.get(0)));
    result.put("seconds_train_job", round(ours));
    result.put("seconds_train_job_features", round(report.featureSeconds()));
    result.put("seconds_train_job_global_model", round(report.globalSeconds()));
    result.put("global_model_solver", report.globalSolver());
    result.put("global_model_rows", report.globalRows());
    result.put("pooled_rows", report.pooledRows());
    result.put("seconds_train_job_clients", round(report.clientSeconds()));
    result.put("train_job_solvers", solvers(report.outcomes()));
    result.put("train_job_statuses", statuses(report.outcomes()));
    result.put("naive_loop", estimate.describe());
    result.put("seconds_naive_loop_extrapolated_total", round(naive));
    result.put("speedup_vs_mllib_loop", round(naive / ours));
    result.put(
        "speedup_vs_mllib_loop_clients_only",
        round(estimate.totalSeconds() / report.clientSeconds()));
    result.put(
        "speedup_note",
        "speedup_vs_mllib_loop = (our features + global model + the"
            + " loop's extrapolated per-client time) / our wall time: both share the feature build"
            + " and the global model; _clients_only compares the per-client training alone");
    result.put("target", "speedup_vs_mllib_loop >= 20");
    result.put("machine", MachineFacts.current(spark.version()));
    return result;
  }

  /** Trains the picked clients one after another with MLlib, each timed on its own. */
  private List<NaiveLoopEstimate.Measured> naiveLoop(
      TrainJob job,
      List<ClientConfig> configs,
      List<ClientOutcome> picked,
      TrainJob.Report report,
      Instant asOf,
      long budgetSeconds) {
    Map<String, ClientConfig> byId = new LinkedHashMap<>();
    configs.forEach(c -> byId.put(c.clientId().value(), c));
    List<ClientConfig> subset = picked.stream().map(o -> byId.get(o.clientId())).toList();
    Map<String, ClientSpec> specs = new LinkedHashMap<>();
    subset.forEach(c -> specs.put(c.clientId().value(), ClientSpec.of(c, asOf)));
    // The subset's feature rows are built and cached first, as the train job does for its own
    // MLlib clients: the loop is timed on training alone.
    Dataset<Row> rows =
        job.labelledRows(subset, specs, asOf).persist(StorageLevel.MEMORY_AND_DISK());
    rows.count();
    MllibSolver mllib = MllibSolver.in(spark);
    List<NaiveLoopEstimate.Measured> measured = new ArrayList<>();
    long loopStart = System.nanoTime();
    try {
      for (ClientOutcome ours : picked) {
        ClientSpec spec = specs.get(ours.clientId());
        long start = System.nanoTime();
        String status;
        try (DatasetRows clientRows =
            new DatasetRows(rows.filter(col("client_id").equalTo(ours.clientId())), mllib)) {
          status =
              ClientTrainer.train(spec, clientRows, report.global(), null)
                      .fallback()
                      .usesGlobalModel()
                  ? "fallback"
                  : "own";
        } catch (TrainingException | IllegalArgumentException | IllegalStateException e) {
          status = "failed: " + e.getMessage();
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        measured.add(new NaiveLoopEstimate.Measured(ours, seconds, status));
        System.out.printf(
            "naive loop: %s (%d rows, %s) %.1f s%n",
            ours.clientId(), ours.rows(), status, seconds); // partial results survive a kill
        if ((System.nanoTime() - loopStart) / 1e9 > budgetSeconds) {
          break;
        }
      }
    } finally {
      rows.unpersist();
    }

    return measured;
  }

  /**
   * The clients of the events table, from its partition folders: scanning the table's many small
   * files (a folder per client and day) for its distinct client ids took minutes.
   */
  private List<String> clients(String table) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(table);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> ids = new ArrayList<>();
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(CLIENT_FOLDER)) {
          ids.add(name.substring(CLIENT_FOLDER.length()));
        }
      }

      Collections.sort(ids);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the clients of " + table, e);
    }
  }

  private static Map<String, Object> input(
      List<ClientOutcome> outcomes, Instant asOf, JsonNode overrides, ClientConfig first) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("clients", outcomes.size());
    input.put("as_of", asOf.toString());
    input.put(
        "decision_events_in_training_windows",
        outcomes.stream().mapToLong(ClientOutcome::rows).sum());
    input.put(
        "fraud_labels_in_training_windows",
        outcomes.stream().mapToLong(ClientOutcome::fraudLabels).sum());
    input.put(
        "largest_client_rows", outcomes.stream().mapToLong(ClientOutcome::rows).max().orElse(0));
    input.put("config", "jobs/src/main/resources/bench/standard-training.yaml");
    input.put("config_overrides", overrides.toString());
    input.put("min_fraud_labels", first.minFraudLabels());
    input.put("train_days", first.training().trainDays());
    return input;
  }

  private static Map<String, Long> solvers(List<ClientOutcome> outcomes) {
    Map<String, Long> solvers = new LinkedHashMap<>();
    outcomes.forEach(
        o -> solvers.merge(o.solver() + (o.fallback() ? " (fallback)" : ""), 1L, Long::sum));
    return solvers;
  }

  private static Map<String, Long> statuses(List<ClientOutcome> outcomes) {
    Map<String, Long> statuses = new LinkedHashMap<>();
    outcomes.forEach(o -> statuses.merge(o.status().name(), 1L, Long::sum));
    return statuses;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
