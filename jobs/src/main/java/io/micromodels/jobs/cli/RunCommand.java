package io.micromodels.jobs.cli;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.NightlyPipeline;
import io.micromodels.jobs.pipeline.NightlyReport;
import io.micromodels.jobs.pipeline.NightlyRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code micromodels run nightly|weekly}: the whole pipeline (issue #6, docs/pipeline.md). The
 * nightly ends with a per-client summary; its exit code is the worst client's: 2 a config was
 * invalid, else 1 a client failed, else 3 a gate blocked one, else 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the nightly or weekly pipeline for every configured client.",
      "nightly: ingest --input files, features of the as-of day, train, backtest against the",
      "production model, gate, publish, and promote where the config has auto_promote. A client",
      "failing does not stop the others. Exit: 2 invalid config, 1 failure, 3 blocked, 0 ok."})
final class RunCommand implements Callable<Integer> {
  /** Which pipeline. */
  enum Pipeline { nightly, weekly }

  @ParentCommand MicromodelsCli root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "nightly or weekly.")
  Pipeline pipeline;

  @Option(names = "--configs", defaultValue = "data-samples/clients",
      description = "Folder of client configs (default: ${DEFAULT-VALUE}).")
  Path configs;

  @Option(names = "--clients", split = ",", description = "Client ids (default: all configured).")
  List<String> clients;

  @Option(names = "--as-of", description = "As-of date or instant (default: yesterday, UTC).")
  String asOf;

  @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
      description = "Event files or folders to ingest first (ingest is idempotent).")
  List<String> inputs;

  @Option(names = "--actor", defaultValue = "nightly",
      description = "Who the registry records as publishing and promoting (default:"
          + " ${DEFAULT-VALUE}).")
  String actor;

  @Override
  public Integer call() {
    if (pipeline != Pipeline.nightly) {
      throw new MicromodelsException("`micromodels run " + pipeline + "` is not available in this"
          + " build yet: the stage arrives with issue #6. Its command line is fixed already (the"
          + " Airflow DAGs use it).");
    }

    Instant moment = asOf != null ? FeaturesCommand.parseAsOf(asOf)
        : FeatureRange.endOf(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-nightly", settings);
    NightlyReport report = new NightlyPipeline(spark, settings,
        selected -> BacktestCommand.productionModels(spark, settings, selected))
        .run(new NightlyRequest(configs, clients, moment, inputs, actor));
    report.print(spec.commandLine().getOut());
    return report.exitCode();
  }
}
