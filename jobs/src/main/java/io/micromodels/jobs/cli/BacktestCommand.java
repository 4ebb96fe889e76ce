package io.micromodels.jobs.cli;

import io.micromodels.features.ConfigException;
import io.micromodels.features.MicromodelsException;
import io.micromodels.orchestration.airflow.AirflowClient;
import io.micromodels.orchestration.airflow.DagRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code micromodels backtest}: walk-forward backtests. With {@code --submit} it sends an ad-hoc
 * backtest to Airflow's {@code micromodels_adhoc_backtest} DAG (and with {@code --wait} follows
 * it); the local run arrives with the backtest stage (issue #5).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Walk-forward backtest of the candidate against the champion; --submit sends an"
        + " ad-hoc backtest (hypothesis, objective) to Airflow.")
final class BacktestCommand implements Callable<Integer> {
  static final String ADHOC_DAG = "micromodels_adhoc_backtest";
  static final String LOCAL_UNAVAILABLE = "`micromodels backtest` runs locally once the backtest"
      + " stage lands (issue #5); use --submit to run it on Airflow";
  private static final Pattern AS_OF = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
  private static final Pattern OBJECTIVE = Pattern.compile("[a-z_]+:[+-]?[0-9]*\\.?[0-9]+");

  @Option(names = "--configs", description = "Folder of client configs.") Path configs;
  @Option(names = "--clients", split = ",", description = "Client ids.") List<String> clients;
  @Option(names = "--as-of", required = true, description = "As-of date.") String asOf;
  @Option(names = "--folds", defaultValue = "4", description = "Walk-forward folds (1-12).") int folds;
  @Option(names = "--train-days", defaultValue = "90") int trainDays;
  @Option(names = "--label-delay", defaultValue = "60") int labelDelay;
  @Option(names = "--test-days", defaultValue = "7") int testDays;
  @Option(names = "--hypothesis", description = "What the change should do, in a sentence.")
  String hypothesis;
  @Option(names = "--objective", description = "metric:change vs the champion, e.g. pr_auc:+0.01.")
  String objective;
  @Option(names = "--config-overrides", defaultValue = "{}", description = "Config overrides as JSON.")
  String overrides;
  @Option(names = "--report-id", description = "Name of the report folder (default: the run id).")
  String reportId;
  @Option(names = "--champion", description = "Champion artifact path (default: production).")
  Path champion;
  @Option(names = "--submit", description = "Send to Airflow instead of running here.") boolean submit;
  @Option(names = "--wait", description = "With --submit: follow the run to its end.") boolean await;
  @Option(names = "--run-id", description = "With --submit: run id (default: derived from the"
      + " request, so submitting the same backtest twice is one run).") String runId;
  @Option(names = "--timeout", defaultValue = "PT6H", description = "With --wait: ISO duration.")
  Duration timeout;
  @Mixin AirflowOptions airflow;

  @Override
  public Integer call() {
    if (!submit) {
      if (hypothesis != null || objective != null) {
        conf(); // an ad-hoc request (the Airflow DAG's task): its conf is checked again here
      }

      throw new MicromodelsException(LOCAL_UNAVAILABLE);
    }

    Map<String, Object> conf = conf();
    String id = runId != null ? runId : "adhoc__" + digest(conf);
    AirflowClient client = airflow.client();
    DagRun run = client.trigger(ADHOC_DAG, id, conf);
    AirflowCommand.print(run);
    System.out.println("report: reports/adhoc/" + id + "/report.html under the warehouse"
        + " (written by the backtest task; `micromodels airflow logs --dag " + ADHOC_DAG
        + " --run-id " + id + " --task backtest` shows where)");
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
      throw new ConfigException("An ad-hoc backtest needs --hypothesis: a sentence (10+ characters) saying"
          + " what the change should do.");
    }

    if (objective == null || !OBJECTIVE.matcher(objective).matches()) {
      throw new ConfigException("--objective '" + objective + "' must be metric:change, e.g."
          + " pr_auc:+0.01.");
    }

    if (!AS_OF.matcher(asOf).matches()) {
      throw new ConfigException("--as-of '" + asOf + "' must be a date (2025-10-01) or an ISO"
          + " instant; the ad-hoc DAG's as_of Param refuses anything else.");
    }

    if (folds < 1 || folds > 12) {
      throw new ConfigException("--folds must be 1..12, got " + folds + ".");
    }

    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("clients", clients);
    conf.put("as_of", asOf);
    conf.put("hypothesis", hypothesis.strip());
    conf.put("objective", objective);
    conf.put("folds", folds);
    conf.put("config_overrides", AirflowCommand.parse(overrides));
    return conf;
  }

  private static String digest(Map<String, Object> conf) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(conf.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
