package io.micromodels.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.spark.BacktestJob;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.spark.FeatureJob;
import java.time.LocalDate;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.micromodels.training.spark.TrainJob;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code micromodels demo}: the README's main command. Runs every stage this build has on the
 * bundled sample ({@code data-samples/}) and says where the results are.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the pipeline on the bundled sample data (data-samples/): validates the client configs,",
      "ingests the clean sample and a messy file, builds the last 60 days of features, then",
      "trains every client's model as of the last day (model.json per client), then backtests",
      "every client on two walk-forward folds (report.html, metrics.json, scores.csv.gz)."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Option(
      names = "--samples",
      description = "Folder of the bundled sample (default: ${DEFAULT-VALUE}).")
  Path samples = Path.of("data-samples");

  private static final int FEATURE_DAYS = 60;
  private static final int BACKTEST_FOLDS = 2;

  @Override
  public Integer call() {
    List<String> inputs = new ArrayList<>();
    for (String folder : List.of("events", "messy/events")) {
      Path path = samples.resolve(folder);
      if (Files.isDirectory(path)) {
        inputs.add(path.toString());
      }
    }

    if (inputs.isEmpty()) {
      throw new MicromodelsException(
          "No sample data under " + samples.toAbsolutePath() + ": expected folders events/ and"
              + " messy/events/. Run from the repository root or pass --samples DIR.");
    }

    // Configs are checked before any Spark work: a broken one stops the demo with exit code 2.
    List<ClientConfig> clients = ClientConfigLoader.loadAll(samples.resolve("clients"));
    System.out.println("== " + clients.size() + " client configs valid: "
        + clients.stream().map(c -> c.clientId().value()).toList());
    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-demo", settings);
    System.out.println("== ingest " + String.join(" ", inputs));
    IngestSummary summary =
        new IngestJob(spark, settings, IngestLimits.defaults(Instant.now())).run(inputs);
    System.out.print(summary.render());
    System.out.println();
    System.out.println("== events per client (Delta table " + settings.tablePath("events") + ")");
    Dataset<Row> events = spark.read().format("delta").load(settings.tablePath("events"));
    events
        .groupBy("client_id")
        .agg(
            count(lit(1)).alias("events"),
            sum(when(col("event_type").equalTo("order"), 1).otherwise(0)).alias("orders"),
            sum(when(col("label").equalTo(1), 1).otherwise(0)).alias("fraud_labels"),
            countDistinct("customer_id").alias("customers"),
            min("event_date").alias("first_day"),
            max("event_date").alias("last_day"))
        .orderBy("client_id")
        .show(50, false);
    System.out.println("Quarantined rows with their reasons: Delta table "
        + settings.tablePath("quarantine"));
    LocalDate last = events.agg(max("event_date")).first().getAs(0);
    FeatureRange range =
        new FeatureRange(last.minusDays(FEATURE_DAYS - 1), last, FeatureRange.endOf(last));
    System.out.println();
    System.out.println("== features " + range.from() + ".." + range.to() + " as of "
        + range.asOf() + " (Delta table " + settings.tablePath(FeatureJob.FEATURES_TABLE) + ")");
    new FeatureJob(spark, settings).run(clients, range);
    spark.read().format("delta").load(settings.tablePath(FeatureJob.FEATURES_TABLE))
        .groupBy("client_id")
        .agg(count(lit(1)).alias("decision_events"), sum("label").alias("fraud_labels"),
            sum(when(col("label_mature"), 1).otherwise(0)).alias("mature"),
            round(avg("`customer.order_count_24h`"), 3).alias("avg_orders_24h"),
            round(avg("account_age_days"), 1).alias("avg_account_age_days"))
        .orderBy("client_id")
        .show(50, false);
    System.out.println("Columns and their meaning: bin/micromodels features --list");
    String candidates = settings.tablePath("candidates/" + last);
    System.out.println();
    System.out.println("== train as of " + range.asOf() + " (models in " + candidates + ")");
    TrainCommand.print(new TrainJob(spark, settings)
        .run(clients, range.asOf(), Map.of(), candidates));
    System.out.println();
    String backtests = settings.tablePath("backtests");
    String runId = "demo-" + last;
    System.out.println("== backtest as of " + range.asOf() + ": " + BACKTEST_FOLDS
        + " walk-forward folds of 7 days, each trained as of its cut-off (no production model in the"
        + " registry yet, so no champion: the comparison columns show \"-\")");
    BacktestJob.Result backtest = new BacktestJob(spark, settings).run(clients,
        new BacktestRequest(range.asOf(), BACKTEST_FOLDS, null, null, 7, Map.of(), null, null,
            backtests, runId));
    BacktestCommand.print(backtest, backtests + "/" + runId);
    System.out.println("Re-run this command: nothing changes in the tables (ingest is idempotent);"
        + " models and reports are rewritten the same.");
    return MicromodelsCli.EXIT_OK;
  }
}
