package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.NewFolder;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.ModelFormatException;
import io.micromodels.training.spark.BatchScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code micromodels score}: a model's scores of a date range's decision events. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the decision events of --from..--to (UTC dates) of the model's client with the",
      "given model.json: the point-in-time feature rows the `features` command builds, scored",
      "by the scorer the live service embeds. Writes event id, time, score, probability, action",
      "and contributions as Parquet under --out (a new folder), or JSON Lines on stdout."
    })
final class ScoreCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "The model.json to score with.")
  Path model;

  @Option(
      names = "--configs",
      defaultValue = "data-samples/clients",
      description = "Folder of client configs: the model's client's (default: ${DEFAULT-VALUE}).")
  Path configs;

  @Mixin FeatureRangeOptions dates;

  @Option(
      names = "--out",
      description = "A new folder for Parquet (default: JSON Lines on" + " stdout).")
  String out;

  @Override
  public Integer call() throws IOException {
    String json = Files.readString(model);
    ClientModel parsed;
    try {
      parsed = ModelFormat.fromJson(json, model.toString());
    } catch (ModelFormatException e) {
      throw new ConfigException("--model: " + e.getMessage());
    }

    ClientConfig config = ClientSelection.select(configs, List.of(parsed.clientId())).get(0);
    if (dates.asOf == null && dates.to != null) {
      dates.asOf = FeatureRange.endOf(dates.to); // labels do not change a score
    }

    FeatureRange range = dates.range("score", " (--as-of defaults to the end of --to)");
    if (out != null) {
      NewFolder.require(out, "a score run");
    }
    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-score", settings);
    Dataset<Row> scored =
        BatchScorer.score(
            new FeatureJob(spark, settings).build(List.of(config), range),
            Map.of(parsed.clientId(), json));
    if (out == null) {
      PrintWriter writer = spec.commandLine().getOut();
      for (Iterator<String> lines = scored.toJSON().toLocalIterator(); lines.hasNext(); ) {
        writer.println(lines.next());
      }
      writer.flush();
      return MicromodelsCli.EXIT_OK;
    }

    scored.write().parquet(out);
    System.out.printf(
        "scored %d decision events of %s in %s with %s: %s%n",
        spark.read().parquet(out).count(),
        parsed.clientId(),
        AsOf.window(range.fromInstant(), range.untilInstant()),
        model,
        out);
    return MicromodelsCli.EXIT_OK;
  }
}
