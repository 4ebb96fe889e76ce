package io.micromodels.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.gate.Gate;
import io.micromodels.evaluation.gate.Objective;
import io.micromodels.evaluation.spark.BacktestJob;
import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.ProductionModels;
import io.micromodels.orchestration.airflow.AirflowClient;
import io.micromodels.orchestration.airflow.DagRun;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code micromodels backtest}: walk-forward, out-of-time backtests of the selected clients against
 * their champions, the happy-path gate and the report (docs/backtest.md). With {@code --submit} it
 * sends an ad-hoc backtest to Airflow's {@code micromodels_adhoc_backtest} DAG instead (and with
 * {@code --wait} follows it).
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Walk-forward backtest of the candidate against the champion; --submit sends an"
            + " ad-hoc backtest (hypothesis, objective) to Airflow.")
final class BacktestCommand implements Callable<Integer> {
  static final String ADHOC_DAG = "micromodels_adhoc_backtest";
  private static final Pattern OBJECTIVE = Objective.SYNTAX;

  @picocli.CommandLine.ParentCommand MicromodelsCli root;

  @Option(
      names = "--configs",
      defaultValue = "data-samples/clients",
      description = "Folder of client configs (default: ${DEFAULT-VALUE}).")
  Path configs;

  @Option(
      names = "--clients",
      split = ",",
      converter = Identifiers.ClientId.class,
      description = "Client ids (default: all configured).")
  List<String> clients;

  @Option(
      names = "--as-of",
      required = true,
      converter = AsOfConverter.class,
      description = "Evaluation moment: labels as known" + " then; " + AsOf.FORMS + ".")
  Instant asOf;

  @Option(
      names = "--labels-as-of",
      converter = AsOfConverter.class,
      description =
          "Labels as known at this later moment (same"
              + " forms as --as-of): the folds are laid out from --as-of and evaluated with the labels"
              + " that arrived by then, e.g. a past week in one fold with mature labels. Not with"
              + " --holdout or --submit.")
  Instant labelsAsOf;

  @Option(
      names = "--folds",
      description = "Walk-forward folds, 1-12 (default: the configs'" + " backtest.folds, 4).")
  Integer folds;

  @Option(
      names = "--train-days",
      description = "Days each fold trains on (default: each config's" + " backtest.train_days).")
  Integer trainDays;

  @Option(
      names = "--label-delay",
      description =
          "Days between a fold's training window and its"
              + " cut-off (default: each config's label.delay_days).")
  Integer labelDelay;

  @Option(
      names = "--test-days",
      description = "Days of each test window (default: the configs'" + " backtest.test_days, 7).")
  Integer testDays;

  @Option(names = "--hypothesis", description = "What the change should do, in a sentence.")
  String hypothesis;

  @Option(names = "--objective", description = "metric:change vs the champion, e.g. pr_auc:+0.01.")
  String objective;

  @Option(
      names = "--config-overrides",
      defaultValue = "{}",
      description = "Config overrides as JSON.")
  String overrides;

  @Option(
      names = "--report-id",
      converter = Identifiers.ReportId.class,
      description = "Name of the report folder (default: the run id).")
  String reportId;

  @Option(
      names = "--holdout",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "DIR",
      description =
          "Test the trained candidates as they are (what `run nightly` does) instead of"
              + " a walk-forward: DIR/<client>/model.json, default <warehouse>/candidates/<as-of"
              + " date>, on the days neither they nor the champion trained on. --folds, --train-days,"
              + " --label-delay and --test-days do not apply.")
  String holdout;

  @Option(
      names = "--drift",
      description =
          "Also measure each test window's drift from the"
              + " champion's training window (or the first fold's): feature and score PSI in the report.")
  boolean drift;

  @Option(
      names = "--champion",
      description =
          "Champion models: a folder <dir>/<client>/model.json,"
              + " or one model.json (or its artifact folder) when one client is selected. Default: each"
              + " client's production model in the registry; a client without one has no champion"
              + " (comparison columns show \"-\").")
  Path champion;

  @Option(names = "--out", description = "Root of backtest runs (default: <warehouse>/backtests).")
  String out;

  @Option(names = "--submit", description = "Send to Airflow instead of running here.")
  boolean submit;

  @Option(names = "--wait", description = "With --submit: follow the run to its end.")
  boolean await;

  @Option(
      names = "--run-id",
      description =
          "With --submit: run id (default: derived from the"
              + " request, so submitting the same backtest twice is one run).")
  String runId;

  @Option(names = "--timeout", defaultValue = "PT6H", description = "With --wait: ISO duration.")
  Duration timeout;

  @Mixin AirflowOptions airflow;

  @Override
  public Integer call() {
    if (!submit) {
      if (hypothesis != null || objective != null) {
        conf(); // an ad-hoc request (the Airflow DAG's task): its conf is checked again here
      }

      return runHere();
    }

    if (labelsAsOf != null) {
      throw new ConfigException(
          "--labels-as-of runs here only: the ad-hoc DAG has no such"
              + " parameter; run without --submit.");
    }

    Map<String, Object> conf = conf();
    String id = runId != null ? runId : "adhoc__" + digest(conf);
    AirflowClient client = airflow.client();
    DagRun run = client.trigger(ADHOC_DAG, id, conf);
    AirflowCommand.print(run);
    System.out.println(
        "report: backtests/"
            + id
            + "/<client>/report.html under the warehouse"
            + " (written by the backtest task; `micromodels airflow logs --dag "
            + ADHOC_DAG
            + " --run-id "
            + id
            + " --task backtest` shows where)");
    if (!await) {
      return MicromodelsCli.EXIT_OK;
    }

    DagRun done = client.waitFor(ADHOC_DAG, id, timeout);
    AirflowCommand.print(done);
    return done.state().equals("success") ? MicromodelsCli.EXIT_OK : MicromodelsCli.EXIT_FAILURE;
  }

  /** The DAG run conf, validated as the DAG's Params validate it. */
  Map<String, Object> conf() {
    if (clients == null || clients.isEmpty()) {
      throw new ConfigException("An ad-hoc backtest needs --clients.");
    }

    if (hypothesis == null || hypothesis.strip().length() < 10) {
      throw new ConfigException(
          "An ad-hoc backtest needs --hypothesis: a sentence (10+ characters) saying"
              + " what the change should do.");
    }

    if (objective == null || !OBJECTIVE.matcher(objective).matches()) {
      throw new ConfigException(
          "--objective '" + objective + "' must be metric:change, e.g." + " pr_auc:+0.01.");
    }

    // Resolved here, by the rule every command uses, so the DAG runs the instant the user saw.
    String resolvedAsOf = AsOf.format(asOf);

    if (folds != null && (folds < 1 || folds > 12)) {
      throw new ConfigException("--folds must be 1..12, got " + folds + ".");
    }

    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("clients", clients);
    conf.put("as_of", resolvedAsOf);
    conf.put("hypothesis", hypothesis.strip());
    conf.put("objective", objective);
    conf.put("folds", folds == null ? 4 : folds);
    conf.put("config_overrides", AirflowCommand.parse(overrides));
    return conf;
  }

  /** The local run: every selected client in one Spark application. */
  private Integer runHere() {
    List<ClientConfig> selected = selected();
    selected.forEach(c -> Gate.validate(c.gates()));
    if (objective != null) {
      Objective.parse(objective);
    }

    Instant moment = asOf;
    Instant labelsMoment = labelsAsOf == null ? moment : labelsAsOf;
    if (labelsMoment.isBefore(moment) || (labelsAsOf != null && holdout != null)) {
      throw new ConfigException(
          "--labels-as-of "
              + AsOf.format(labelsMoment)
              + " must be at or"
              + " after --as-of "
              + AsOf.format(moment)
              + ", on a walk-forward backtest (not"
              + " --holdout).");
    }

    int foldCount = agreed(selected, folds, c -> c.backtest().folds(), "backtest.folds", "--folds");
    int testWindow =
        agreed(
            selected, testDays, c -> c.backtest().testDays(), "backtest.test_days", "--test-days");
    if (foldCount < 1 || foldCount > 12) {
      throw new ConfigException("--folds must be 1..12, got " + foldCount + ".");
    }

    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-backtest", settings);
    Map<String, ClientModel> champions =
        champion != null
            ? champions(selected)
            : ProductionModels.current(spark, settings, selected);
    String runId =
        reportId != null ? reportId : "backtest-" + moment.atZone(ZoneOffset.UTC).toLocalDate();
    String root = out != null ? out : settings.tablePath("backtests");
    BacktestRequest request =
        holdout == null
            ? BacktestRequest.walkForward(
                moment,
                foldCount,
                trainDays,
                labelDelay,
                testWindow,
                champions,
                hypothesis,
                objective,
                root,
                runId)
            : BacktestRequest.holdout(
                moment,
                holdout.isEmpty()
                    ? settings.tablePath(
                        "candidates/" + moment.atZone(ZoneOffset.UTC).toLocalDate())
                    : holdout,
                champions,
                root,
                runId);
    if (labelsAsOf != null) {
      request = request.withLabelsAsOf(labelsMoment);
    }
    BacktestJob.Result result =
        new BacktestJob(spark, settings, System.out::println)
            .run(selected, drift ? request.withDrift() : request);
    print(result, root + "/" + runId);
    return exitCode(result.clients());
  }

  private List<ClientConfig> selected() {
    List<ClientConfig> chosen = ClientSelection.select(configs, clients);
    JsonNode tree = AirflowCommand.parseTree(overrides);
    if (tree.isEmpty()) {
      return chosen;
    }

    return chosen.stream().map(c -> ClientConfigLoader.load(c.source(), tree)).toList();
  }

  /** A setting every client of one run shares: the option, or the value all configs agree on. */
  private static int agreed(
      List<ClientConfig> selected,
      Integer option,
      Function<ClientConfig, Integer> fromConfig,
      String key,
      String flag) {
    if (option != null) {
      return option;
    }

    List<Integer> values = selected.stream().map(fromConfig).distinct().toList();
    if (values.size() > 1) {
      throw new ConfigException(
          "The selected clients' configs differ in "
              + key
              + " ("
              + values
              + "); their test windows are laid out together, so pass "
              + flag
              + ".");
    }

    return values.get(0);
  }

  private Map<String, ClientModel> champions(List<ClientConfig> selected) {
    Map<String, ClientModel> models = new HashMap<>();

    Path single =
        Files.isRegularFile(champion) ? champion : champion.resolve(ModelFormat.FILE_NAME);
    if (Files.isRegularFile(single)) {
      if (selected.size() != 1) {
        throw new ConfigException(
            "--champion "
                + champion
                + " is one model; select its client"
                + " with --clients, or pass a folder of <client>/model.json.");
      }

      ClientModel model = ModelFormat.read(single);
      String id = selected.get(0).clientId().value();
      if (!model.clientId().equals(id)) {
        throw new ConfigException(
            "--champion "
                + single
                + " is a model of client "
                + model.clientId()
                + ", not of "
                + id
                + ".");
      }

      models.put(id, model);
      return models;
    }

    if (!Files.isDirectory(champion)) {
      throw new ConfigException(
          "--champion " + champion + " is neither a model.json nor a folder.");
    }

    for (ClientConfig c : selected) {
      Path file = champion.resolve(c.clientId().value()).resolve(ModelFormat.FILE_NAME);
      if (Files.isRegularFile(file)) {
        models.put(c.clientId().value(), ModelFormat.read(file));
      }
    }

    return models;
  }

  static void print(BacktestJob.Result result, String runDir) {
    System.out.println("== fold layout (stored in " + runDir + "/folds.json)");
    Map<String, List<String>> byLayout = new java.util.LinkedHashMap<>();
    result
        .layouts()
        .forEach(
            (id, layout) ->
                byLayout
                    .computeIfAbsent(
                        String.join("\n", layout.describe()), k -> new java.util.ArrayList<>())
                    .add(id));
    byLayout.forEach((lines, ids) -> System.out.println(String.join(", ", ids) + ":\n" + lines));
    for (ClientBacktest c : result.clients()) {
      System.out.println();
      System.out.println(
          "== "
              + c.clientId()
              + ": "
              + (c.status() == ClientBacktest.Status.FAILED
                  ? "FAILED: " + c.message()
                  : c.rows() + " held-out decision events, " + c.frauds() + " with fraud labels"));
      if (c.status() == ClientBacktest.Status.FAILED) {
        continue;
      }

      System.out.print(c.happyPath());
      if (c.objectiveStatement() != null) {
        System.out.println("objective: " + c.objectiveStatement());
      }

      System.out.println("parent: " + c.parentVerdict());
      System.out.println("report: " + c.reportPath());
    }

    System.out.println();
    System.out.println(
        "== stages (s): "
            + result.times().seconds().entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + " "
                            + String.format(java.util.Locale.ROOT, "%.1f", e.getValue()))
                .toList());
  }

  /** 1 when a client failed, else 3 when a gate blocked one, else 0. */
  static int exitCode(List<ClientBacktest> results) {
    return results.stream()
        .mapToInt(
            r ->
                r.status() == ClientBacktest.Status.FAILED
                    ? MicromodelsCli.EXIT_FAILURE
                    : r.blocked() ? MicromodelsCli.EXIT_BLOCKED : MicromodelsCli.EXIT_OK)
        .reduce(MicromodelsCli.EXIT_OK, MicromodelsCli::worse);
  }

  private static String digest(Map<String, Object> conf) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(conf.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
