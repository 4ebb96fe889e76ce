package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.ConfigScan;
import io.micromodels.jobs.pipeline.NightlyPipeline;
import io.micromodels.jobs.pipeline.NightlyReport;
import io.micromodels.jobs.pipeline.NightlyRequest;
import io.micromodels.jobs.pipeline.ProductionModels;
import io.micromodels.jobs.pipeline.WeeklyPipeline;
import io.micromodels.jobs.pipeline.WeeklyReport;
import io.micromodels.jobs.pipeline.WeeklyRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code micromodels run nightly|weekly}: the whole pipeline (issue #6, docs/pipeline.md). Each
 * ends with a per-client summary; the exit code is the worst client's: 2 a config was invalid, else
 * 1 a client failed, else (nightly) 3 a gate blocked one, else 0.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly or weekly pipeline for every configured client.",
      "nightly: ingest --input files, features of the as-of day, train, backtest against the",
      "production model, gate, publish, and promote where the config has auto_promote. A client",
      "failing does not stop the others. Exit: 2 invalid config, 1 failure, 3 blocked, 0 ok.",
      "weekly: walk-forward backtests of every client's production model (--folds x --test-days",
      "ending with the as-of day) with the drift of each test window from the production model's",
      "training window (feature and score PSI) in the report. Exit: 2 invalid config, 1 failure,",
      "0 ok (drift is reported, not failed)."
    })
final class RunCommand implements Callable<Integer> {
  /** Which pipeline. */
  enum Pipeline {
    nightly,
    weekly
  }

  @ParentCommand MicromodelsCli root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "nightly or weekly.")
  Pipeline pipeline;

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
      converter = AsOfConverter.class,
      description = "As-of (default: the end of yesterday, UTC): " + AsOf.FORMS + ".")
  Instant asOf;

  @Option(
      names = "--input",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Event files or folders to ingest first (ingest is idempotent).")
  List<String> inputs;

  @Option(
      names = "--actor",
      defaultValue = "nightly",
      description =
          "Who the registry records as publishing and promoting (default:" + " ${DEFAULT-VALUE}).")
  String actor;

  @Option(
      names = "--folds",
      defaultValue = "4",
      description = "weekly: walk-forward folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--test-days",
      defaultValue = "7",
      description = "weekly: days of each fold's test window (default: ${DEFAULT-VALUE}).")
  int testDays;

  @Override
  public Integer call() {
    Instant moment =
        asOf != null ? asOf : FeatureRange.endOf(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    if (pipeline == Pipeline.weekly && (folds < 1 || folds > 12 || testDays < 1 || testDays > 90)) {
      throw new ConfigException(
          "run weekly needs --folds 1..12 and --test-days 1..90, got "
              + folds
              + " and "
              + testDays
              + ".");
    }

    if (pipeline == Pipeline.weekly && inputs != null) {
      throw new ConfigException(
          "run weekly reads the events table as it is; --input is for the"
              + " nightly (or `micromodels ingest`).");
    }

    requireAUsableConfig();
    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-" + pipeline, settings);
    if (pipeline == Pipeline.weekly) {
      WeeklyReport report =
          new WeeklyPipeline(
                  spark, settings, selected -> ProductionModels.current(spark, settings, selected))
              .run(new WeeklyRequest(configs, clients, moment, folds, testDays));
      report.print(spec.commandLine().getOut());
      return report.exitCode();
    }

    NightlyReport report =
        new NightlyPipeline(
                spark,
                settings,
                (selected, asOf) -> ProductionModels.trainedBefore(spark, settings, selected, asOf),
                root.publishHook)
            .run(new NightlyRequest(configs, clients, moment, inputs, actor));
    report.print(spec.commandLine().getOut());
    return report.exitCode();
  }

  /**
   * A broken config fails only its client, inside the pipeline; but when no selected client has a
   * usable config there is nothing to run, so that fails here, before Spark starts (plain Java).
   */
  private void requireAUsableConfig() {
    ConfigScan scan = ConfigScan.of(configs, clients);
    if (scan.healthy().isEmpty() && !scan.broken().isEmpty()) {
      throw new ConfigException(
          "No usable client config in "
              + configs
              + ":\n  "
              + String.join("\n  ", scan.broken().values()));
    }
  }
}
