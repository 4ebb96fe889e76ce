package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.StageTimes;
import io.micromodels.evaluation.spark.BacktestJob;
import io.micromodels.features.AsOf;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.artifact.ClientModel;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code micromodels run weekly} (docs/pipeline.md#weekly): a walk-forward backtest of every client
 * that has a production model, the production model as the champion on every fold, with the drift
 * of each fold's test window from the production model's training window (feature and score PSI) in
 * the report. It is the backtest job, unchanged, asked for drift; nothing is published.
 */
public final class WeeklyPipeline {
  private final SparkSession spark;
  private final SparkSettings settings;
  private final Function<List<ClientConfig>, Map<String, ClientModel>> production;

  /**
   * @param production each client's production model (clients without one are absent)
   */
  public WeeklyPipeline(
      SparkSession spark,
      SparkSettings settings,
      Function<List<ClientConfig>, Map<String, ClientModel>> production) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.production = Objects.requireNonNull(production, "production");
  }

  /**
   * @throws io.micromodels.features.ConfigException when the config folder or a --clients id is
   *     wrong, or the fold settings are (the run as a whole is bad usage)
   */
  public WeeklyReport run(WeeklyRequest request) {
    ConfigScan scan = ConfigScan.of(request.configs(), request.clients());
    Map<String, WeeklyRun> runs = new TreeMap<>();
    scan.broken().forEach((id, error) -> runs.put(id, WeeklyRun.badConfig(id, error)));
    String runId = "weekly-" + request.asOf().atZone(ZoneOffset.UTC).toLocalDate();
    String backtests = settings.tablePath("backtests");
    StageTimes.Clock clock = StageTimes.start();
    Map<String, ClientModel> models =
        scan.healthy().isEmpty() ? Map.of() : production.apply(scan.healthy());
    List<ClientConfig> walked =
        scan.healthy().stream().filter(c -> models.containsKey(id(c))).toList();
    scan.healthy().stream()
        .filter(c -> !models.containsKey(id(c)))
        .forEach(c -> runs.put(id(c), WeeklyRun.withoutProduction(id(c))));
    System.out.println(
        "== weekly as of "
            + AsOf.format(request.asOf())
            + ": "
            + walked.size()
            + " clients with a production model walked forward over "
            + request.folds()
            + " folds of "
            + request.testDays()
            + " days, "
            + (scan.healthy().size() - walked.size())
            + " without one, "
            + scan.broken().size()
            + " config(s) invalid "
            + scan.broken().keySet());
    clock.lap("configs and production models");
    Map<String, Double> times = new LinkedHashMap<>(clock.times().seconds());
    if (!walked.isEmpty()) {
      try {
        BacktestJob.Result result =
            new BacktestJob(spark, settings, System.out::println)
                .run(
                    walked,
                    BacktestRequest.walkForward(
                            request.asOf(),
                            request.folds(),
                            null,
                            null,
                            request.testDays(),
                            models,
                            null,
                            null,
                            backtests,
                            runId)
                        .withDrift());
        times.putAll(result.times().seconds());
        for (ClientBacktest b : result.clients()) {
          runs.put(
              b.clientId(),
              WeeklyRun.evaluated(
                  version(models.get(b.clientId())), b, result.drift().get(b.clientId())));
        }
      } catch (RuntimeException e) {
        walked.forEach(
            c ->
                runs.put(
                    id(c),
                    WeeklyRun.failed(
                        id(c), version(models.get(id(c))), StageFailure.note("backtest", e))));
      }
    }

    return new WeeklyReport(
        List.copyOf(runs.values()), backtests + "/" + runId, new StageTimes(times));
  }

  /** The production model by its training as-of (the registry version is in its lineage). */
  private static String version(ClientModel model) {
    return "as of " + model.asOf().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String id(ClientConfig config) {
    return config.clientId().value();
  }
}
