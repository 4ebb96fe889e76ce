package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.spark.ClientOutcome;
import io.micromodels.training.spark.TrainJob;
import io.micromodels.training.train.TrainingWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code micromodels train --as-of T [--clients ...]}: every client's candidate model. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains each client's candidate model on its training window as of --as-of (labels known",
      "then) in one Spark job and writes <out>/<client>/model.json. A client that fails is",
      "reported and the others still train; the exit code is then 1."
    })
final class TrainCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Mixin ClientSelection selection;

  @Option(
      names = "--as-of",
      required = true,
      converter = AsOfConverter.class,
      description = "Labels known at this moment: " + AsOf.FORMS + ".")
  Instant asOf;

  @Option(
      names = "--out",
      description = "Where the models go (default: <warehouse>/candidates/<as-of date>).")
  String out;

  @Option(
      names = "--champions",
      description = "Folder of production models, <dir>/<client>/model.json, for score stability.")
  Path champions;

  @Override
  public Integer call() {
    List<ClientConfig> selected = selection.select();
    Instant moment = asOf;
    Map<String, ClientModel> championModels = champions(selected);
    SparkSettings settings = root.global.sparkSettings();
    String target =
        out != null
            ? out
            : settings.tablePath("candidates/" + moment.atZone(ZoneOffset.UTC).toLocalDate());
    System.out.println("train as of " + AsOf.format(moment) + " (labels known then):");
    for (ClientConfig c : selected) {
      TrainingWindow w = TrainingWindow.of(c, moment);
      System.out.printf(
          "  %s: fit %s, validation %s%n",
          c.clientId(),
          AsOf.window(w.start(), w.validationStart()),
          AsOf.window(w.validationStart(), w.end()));
    }

    long start = System.nanoTime();
    TrainJob.Report report =
        new TrainJob(SparkSessions.create("micromodels-train", settings), settings)
            .runReporting(selected, moment, championModels, target);
    List<ClientOutcome> outcomes = report.outcomes();
    System.out.printf(
        "trained as of %s (%.1f s), models in %s%n",
        AsOf.format(moment), (System.nanoTime() - start) / 1e9, target);
    if (report.globalSolver() != null) {
      System.out.printf(
          "global model: %s on %,d of %,d pooled rows (%.1f s)%n",
          report.globalSolver(), report.globalRows(), report.pooledRows(), report.globalSeconds());
    }

    print(outcomes);
    return outcomes.stream().allMatch(o -> o.status() == ClientOutcome.Status.TRAINED)
        ? MicromodelsCli.EXIT_OK
        : MicromodelsCli.EXIT_FAILURE;
  }

  /** One line per client: status, solver, rows, fraud labels, fallback decision or failure. */
  static void print(List<ClientOutcome> outcomes) {
    System.out.printf(
        "%-16s %-8s %-9s %9s %7s  %s%n", "client", "status", "solver", "rows", "frauds", "note");
    for (ClientOutcome o : outcomes) {
      System.out.printf(
          "%-16s %-8s %-9s %9d %7d  %s%n",
          o.clientId(),
          o.status().name().toLowerCase(java.util.Locale.ROOT),
          o.solver(),
          o.rows(),
          o.fraudLabels(),
          o.message());
    }
  }

  private Map<String, ClientModel> champions(List<ClientConfig> selected) {
    Map<String, ClientModel> models = new HashMap<>();
    if (champions == null) {
      return models;
    }

    for (ClientConfig c : selected) {
      Path file = champions.resolve(c.clientId().value()).resolve(ModelFormat.FILE_NAME);
      if (Files.isRegularFile(file)) {
        models.put(c.clientId().value(), ModelFormat.read(file));
      }
    }

    return models;
  }
}
