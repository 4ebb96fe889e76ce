package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.registry.Decision;
import io.micromodels.registry.spark.Publisher;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code micromodels gate --as-of T}: the nightly DAG's gate task. It reads each client's verdict
 * from the backtest's {@code metrics.json} (the backtest computed the checks), prints it and exits
 * 3 when any candidate is blocked, so the DAG skips publish for the run; the decision is the one
 * {@code publish} would take ({@link Publisher#decide}).
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = "Checks each candidate's backtest against the release gates; exit 3 if blocked.")
final class GateCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

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
      description = "The backtest's as-of: " + AsOf.FORMS + ".")
  Instant asOf;

  @Option(
      names = "--backtest",
      description =
          "Backtest run folder of <client>/metrics.json"
              + " (default: <warehouse>/backtests/backtest-<as-of date>).")
  String backtest;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<ClientConfig> selected = ClientSelection.select(configs, clients);
    SparkSettings settings = root.global.sparkSettings();
    LocalDate date = asOf.atZone(ZoneOffset.UTC).toLocalDate();
    String backtestRoot =
        backtest != null ? backtest : settings.tablePath("backtests/backtest-" + date);
    Publisher publisher =
        new Publisher(
                SparkSessions.create("micromodels-gate", settings), settings.tablePath("registry"))
            .withHook(root.publishHook);
    PrintWriter out = spec.commandLine().getOut();
    int worst = MicromodelsCli.EXIT_OK;
    out.printf("%-16s %-8s %s%n", "client", "gate", "reason");
    for (ClientConfig c : selected) {
      String id = c.clientId().value();
      try {
        Decision decision = publisher.decide(backtestRoot + "/" + id, "gate");
        boolean passed = decision.kind() == Decision.Kind.PUBLISHED;
        out.printf("%-16s %-8s %s%n", id, passed ? "passed" : "blocked", decision.reason());
        worst = passed ? worst : MicromodelsCli.worse(worst, MicromodelsCli.EXIT_BLOCKED);
      } catch (RuntimeException e) {
        out.printf("%-16s %-8s %s%n", id, "failed", e.getMessage());
        worst = MicromodelsCli.worse(worst, MicromodelsCli.EXIT_FAILURE);
      }
    }

    out.flush();
    return worst;
  }
}
