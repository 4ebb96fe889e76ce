package io.micromodels.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.spark.BacktestJob;
import io.micromodels.evaluation.spark.LastFoldExport;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The model-quality benchmark (issue 26 item 5, {@code micromodels bench quality}): our default
 * client model against scikit-learn baselines on the same rows. One walk-forward backtest (by
 * default one fold: the last fold of any layout with the same test days) trains every client
 * through the train job and scores its test window through the scorer; {@link LastFoldExport}
 * writes that fold's training and test rows with the clients' numeric inputs, the label and our
 * score; {@code bench/quality_baselines.py} (a subprocess) fits logistic regression and gradient
 * boosting on the same training rows and measures all three on the test rows of every client with
 * at least {@code minTestFrauds} test frauds.
 */
public final class QualityBenchmark {
  public static final Path SCRIPT = Path.of("bench", "quality_baselines.py");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SparkSession spark;
  private final SparkSettings settings;
  private final Path export;

  /**
   * @param export where the rows, the backtest run and the manifest are written
   */
  public QualityBenchmark(SparkSession spark, SparkSettings settings, Path export) {
    this.spark = spark;
    this.settings = settings;
    this.export = export;
  }

  /**
   * What to run.
   *
   * @param trainDays null: each config's
   * @param labelDelayDays null: each config's
   * @param command the command line, recorded in the result
   */
  public record Options(
      Instant asOf,
      int folds,
      Integer trainDays,
      Integer labelDelayDays,
      int testDays,
      int minTestFrauds,
      String python,
      int bootstrap,
      long seed,
      String command) {}

  public Map<String, Object> run(List<ClientConfig> clients, Options o)
      throws IOException, InterruptedException {
    Files.createDirectories(export);
    List<LastFoldExport.ClientRows> rows = new ArrayList<>();
    long start = System.nanoTime();
    BacktestJob.Result backtest =
        new BacktestJob(spark, settings, System.out::println)
            .run(
                clients,
                BacktestRequest.walkForward(
                    o.asOf(),
                    o.folds(),
                    o.trainDays(),
                    o.labelDelayDays(),
                    o.testDays(),
                    Map.of(),
                    null,
                    null,
                    export.resolve("backtests").toString(),
                    "bench-quality"),
                last -> rows.addAll(LastFoldExport.write(last, export.resolve("rows"))));
    double backtestSeconds = (System.nanoTime() - start) / 1e9;

    List<Map<String, Object>> entries = new ArrayList<>();
    for (LastFoldExport.ClientRows r : rows) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("client", r.clientId());
      e.put("directory", export.relativize(r.directory()).toString());
      e.put("evaluated", r.testFrauds() >= o.minTestFrauds());
      e.put("inputs", r.inputs());
      e.put("train_rows", r.trainRows());
      e.put("train_frauds", r.trainFrauds());
      e.put("test_rows", r.testRows());
      e.put("test_frauds", r.testFrauds());
      e.put("fold", LastFoldExport.windows(r.fold()));
      entries.add(e);
    }

    Path manifest = export.resolve("manifest.json");
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(
            manifest.toFile(), Map.of("clients", entries, "min_test_frauds", o.minTestFrauds()));
    Map<String, Object> baselines = baselines(manifest, o);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "model-quality");
    result.put("command", o.command());
    result.put("warehouse", settings.warehouse());
    result.put("as_of", o.asOf().toString());
    result.put("folds_run", o.folds());
    result.put(
        "fold_exported",
        "the last walk-forward fold (test window ending with the last"
            + " whole day before the as-of)");
    result.put("test_days", o.testDays());
    result.put("min_test_frauds", o.minTestFrauds());
    result.put("export", export.toString());
    result.put(
        "inputs_note",
        "python baselines get the numeric inputs only: the tabular and"
            + " binned micromodels' inputs and the combiner's raw features, read as our micromodels read"
            + " them; the email and order_items micromodels' text inputs are ours alone");
    result.put("clients", merge(entries, baselines));
    result.put(
        "clients_below_min_test_frauds",
        entries.stream()
            .filter(e -> !(Boolean) e.get("evaluated"))
            .map(e -> e.get("client") + " (" + e.get("test_frauds") + " test frauds)")
            .toList());
    result.put(
        "clients_not_evaluated_by_the_backtest",
        backtest.clients().stream()
            .filter(c -> rows.stream().noneMatch(r -> r.clientId().equals(c.clientId())))
            .map(ClientBacktest::clientId)
            .toList());
    result.put("summary", baselines.get("summary"));
    result.put(
        "targets",
        "on every client our AP >= logistic regression's (logistic"
            + " regression's AP inside our AP's 95 % interval counts as equal); mean AP within 0.02"
            + " of gradient boosting's");
    result.put("bootstrap", baselines.get("bootstrap"));
    result.put("backtest_seconds", Math.round(backtestSeconds * 10) / 10.0);
    Map<String, Object> machine = MachineFacts.current(spark.version());
    for (String key : List.of("python", "sklearn", "numpy", "scipy", "pandas")) {
      machine.put(key, baselines.get(key));
    }

    result.put("machine", machine);
    return result;
  }

  /** Each evaluated client's baseline figures with the rows' facts from the Java side. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> merge(
      List<Map<String, Object>> entries, Map<String, Object> baselines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> measured : (List<Map<String, Object>>) baselines.get("clients")) {
      Map<String, Object> entry =
          entries.stream()
              .filter(e -> e.get("client").equals(measured.get("client")))
              .findFirst()
              .orElseThrow();
      Map<String, Object> merged = new LinkedHashMap<>(measured);
      merged.put("inputs", entry.get("inputs"));
      merged.put("fold", entry.get("fold"));
      out.add(merged);
    }

    return out;
  }

  private Map<String, Object> baselines(Path manifest, Options o)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            o.python(),
            SCRIPT.toString(),
            "--manifest",
            manifest.toString(),
            "--bootstrap",
            Integer.toString(o.bootstrap()),
            "--seed",
            Long.toString(o.seed()));
    System.out.println("running " + String.join(" ", command));
    return PythonScript.runForJson(
        command,
        "numpy, pandas and scikit-learn (Debian: apt-get"
            + " install python3-sklearn python3-pandas)");
  }
}
