package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.Release;
import io.micromodels.registry.Decision;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.spark.Publisher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code micromodels publish --as-of T}: each selected client's candidate with its backtest goes to
 * the registry (docs/registry.md). A passed gate publishes a version; a failed one records the
 * candidate as blocked, with its reasons and without a version, unless {@code --force --reason}.
 * Exit 0 when every client was published, 3 when one was blocked, 1 when one failed.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Publishes each candidate whose gate passed to the model registry (one version"
            + " each); records blocked ones; --force --reason publishes a blocked one.")
final class PublishCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--configs",
      defaultValue = "data-samples/clients",
      description = "Folder of client configs (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path configs;

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
      description = "The as-of of the candidates" + " and backtests: " + AsOf.FORMS + ".")
  Instant asOf;

  @Option(
      names = "--candidates",
      description =
          "Folder of <client>/model.json (default:" + " <warehouse>/candidates/<as-of date>).")
  String candidates;

  @Option(
      names = "--backtest",
      description =
          "Backtest run folder of <client>/metrics.json,"
              + " report.html, scores.csv.gz (default: <warehouse>/backtests/backtest-<as-of date>).")
  String backtest;

  @Option(names = "--force", description = "Publish candidates the gate blocked (needs --reason).")
  boolean force;

  @Option(
      names = "--reason",
      converter = Identifiers.Reason.class,
      description = "Why a blocked candidate is forced out.")
  String reason;

  @Option(names = "--actor", description = "Who publishes (default: the user name).")
  String actor;

  /** One client's outcome, for the summary and the exit code. */
  record Outcome(String client, String result, String detail, int exitCode) {}

  @Override
  public Integer call() {
    if (force && (reason == null || reason.isBlank())) {
      throw new ConfigException(
          "--force needs --reason \"...\": a forced release records who" + " forced it and why.");
    }

    List<ClientConfig> selected = ClientSelection.select(configs, clients);
    SparkSettings settings = root.global.sparkSettings();
    LocalDate date = asOf.atZone(ZoneOffset.UTC).toLocalDate();
    String candidateRoot =
        candidates != null ? candidates : settings.tablePath("candidates/" + date);
    String backtestRoot =
        backtest != null ? backtest : settings.tablePath("backtests/backtest-" + date);
    Publisher publisher =
        new Publisher(
                SparkSessions.create("micromodels-publish", settings),
                settings.tablePath("registry"))
            .withHook(root.publishHook);
    List<Outcome> outcomes = new ArrayList<>();
    for (ClientConfig c : selected) {
      outcomes.add(publish(publisher, c.clientId().value(), candidateRoot, backtestRoot));
    }

    print(outcomes, spec.commandLine().getOut());
    return outcomes.stream()
        .mapToInt(Outcome::exitCode)
        .reduce(MicromodelsCli.EXIT_OK, MicromodelsCli::worse);
  }

  private Outcome publish(
      Publisher publisher, String client, String candidateRoot, String backtestRoot) {
    String who = actor != null ? actor : System.getProperty("user.name", "unknown");
    try {
      Release.Outcome release =
          Release.publish(
              publisher, client, candidateRoot, backtestRoot, who, force ? reason : null);
      RegistryEvent event = release.event();
      Decision decision = release.decision();
      if (event.version() == null) {
        return new Outcome(
            client,
            "blocked",
            event.reason() + " (recorded, no version; --force" + " --reason publishes it)",
            MicromodelsCli.EXIT_BLOCKED);
      }

      return new Outcome(
          client,
          decision.kind().label() + " v" + event.version(),
          event.location(),
          MicromodelsCli.EXIT_OK);
    } catch (MicromodelsException e) {
      return new Outcome(client, "failed", e.getMessage(), MicromodelsCli.EXIT_FAILURE);
    }
  }

  private static void print(List<Outcome> outcomes, java.io.PrintWriter out) {
    int width = outcomes.stream().mapToInt(o -> o.client().length()).max().orElse(6);
    String row = "%-" + width + "s  %-14s  %s%n";
    out.printf(row, "client", "publish", "detail");
    outcomes.forEach(o -> out.printf(row, o.client(), o.result(), o.detail()));
    out.flush();
  }
}
