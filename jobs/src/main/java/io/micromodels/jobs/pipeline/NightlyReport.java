package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.StageTimes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The end of a nightly run: one row per client and where its files are.
 *
 * @param candidates folder of the candidates, {@code <client>/model.json}
 * @param backtests the backtest run folder, {@code <client>/report.html}, metrics.json
 * @param registry the registry's root (index table and released versions)
 * @param times wall seconds per stage that ran, in order
 */
public record NightlyReport(
    List<ClientRun> clients,
    String candidates,
    String backtests,
    String registry,
    StageTimes times) {
  private static final List<String> HEADER =
      List.of("client", "config", "train", "gate", "publish", "promote", "note");

  public NightlyReport {
    clients = List.copyOf(clients);
  }

  /** The worst client outcome (OK for a run without clients). */
  public ClientRun.Outcome outcome() {
    return clients.stream()
        .map(ClientRun::outcome)
        .reduce(ClientRun.Outcome.OK, ClientRun.Outcome::worse);
  }

  /** The process exit code: see {@link ClientRun.Outcome}. */
  public int exitCode() {
    return outcome().exitCode();
  }

  /** Prints the summary table and the locations. */
  public void print(PrintWriter out) {
    out.println("== nightly summary");
    out.print(SummaryTable.render(HEADER, clients.stream().map(ClientRun::cells).toList()));
    out.println();
    out.println("reports:   " + backtests + "/<client>/report.html (metrics.json, scores.csv.gz)");
    out.println(
        "artifacts: "
            + candidates
            + "/<client>/model.json (candidates); released"
            + " versions under "
            + registry
            + "/models/<client>/");
    out.println("registry:  " + registry + " (micromodels registry list)");
    out.println("stages:    " + SummaryTable.stages(times));
    out.println(
        "exit code: "
            + exitCode()
            + " ("
            + outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + ")");
    out.flush();
  }
}
