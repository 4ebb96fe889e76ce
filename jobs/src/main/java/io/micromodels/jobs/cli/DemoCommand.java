package io.micromodels.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.ClientRun;
import io.micromodels.jobs.pipeline.NightlyPipeline;
import io.micromodels.jobs.pipeline.NightlyReport;
import io.micromodels.jobs.pipeline.NightlyRequest;
import io.micromodels.jobs.pipeline.ProductionModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code micromodels demo}: the README's main command. The nightly pipeline on the bundled sample
 * for its last two days: the first night ingests the sample (and a messy file) and makes each
 * client's first release; the second compares each new candidate with the production model the
 * first night promoted (champion/challenger, the happy-path table) before releasing it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the nightly pipeline on the bundled sample data (data-samples/) for its last two days:",
      "night one ingests the sample and a messy file and makes every client's first release;",
      "night two compares each new candidate with the production model of night one before",
      "releasing it. Says where the reports, artifacts and registry are. Exit 0 unless a client",
      "failed (1) or a config is invalid (2); a blocked gate is a decision, not a failure."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;
  @Spec CommandSpec spec;

  @Option(
      names = "--samples",
      description = "Folder of the bundled sample (default: ${DEFAULT-VALUE}).")
  Path samples = Path.of("data-samples");

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
          "No sample data under "
              + samples.toAbsolutePath()
              + ": expected folders events/ and"
              + " messy/events/. Run from the repository root or pass --samples DIR.");
    }

    LocalDate last = lastDay(samples.resolve("sample.json"));
    SparkSettings settings = root.global.sparkSettings();
    SparkSession spark = SparkSessions.create("micromodels-demo", settings);
    NightlyPipeline nightly =
        new NightlyPipeline(
            spark,
            settings,
            (selected, asOf) -> ProductionModels.trainedBefore(spark, settings, selected, asOf));
    PrintWriter out = spec.commandLine().getOut();
    ClientRun.Outcome worst = ClientRun.Outcome.OK;
    for (LocalDate day : List.of(last.minusDays(1), last)) {
      out.println();
      out.println(
          "######## night of "
              + day
              + (day.equals(last)
                  ? ": champion/challenger against" + " night one's production models"
                  : ": ingest and first releases"));
      out.flush();
      NightlyReport report =
          nightly.run(
              new NightlyRequest(
                  samples.resolve("clients"),
                  null,
                  FeatureRange.endOf(day),
                  day.equals(last) ? List.of() : inputs,
                  "demo"));
      report.print(out);
      worst = worst.worse(report.outcome());
    }

    out.println();
    out.println(
        "Next: open a report (the Champion comparison, the happy-path table, plots and the"
            + " per-event table), then try");
    out.println(
        "  bin/micromodels registry list            versions, status and production model"
            + " per client");
    out.println("  bin/micromodels registry feed --since 0  what a model registry ingests");
    out.println(
        "  bin/micromodels run weekly --as-of "
            + last
            + "   walk-forward and drift of the"
            + " production models");
    out.println(
        "Quarantined input rows with their reasons: Delta table "
            + settings.tablePath("quarantine"));
    out.flush();
    return worst == ClientRun.Outcome.BLOCKED ? MicromodelsCli.EXIT_OK : worst.exitCode();
  }

  /** The sample's last day, from its generation record ({@code start} + {@code days} - 1). */
  private static LocalDate lastDay(Path sampleJson) {
    try {
      JsonNode sample = new ObjectMapper().readTree(sampleJson.toFile());
      return LocalDate.parse(sample.path("start").asText())
          .plusDays(sample.path("days").asInt() - 1);
    } catch (IOException | RuntimeException e) {
      throw new MicromodelsException(
          "Cannot read the sample's dates from "
              + sampleJson
              + ": "
              + e.getMessage()
              + ". Run from the repository root or pass --samples DIR.");
    }
  }
}
