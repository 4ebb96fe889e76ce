package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.StageTimes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The end of a weekly run: one row per client and where the reports are.
 *
 * @param backtests the run folder, {@code <client>/report.html} with its Drift section
 * @param times wall seconds per stage that ran, in order
 */
public record WeeklyReport(List<WeeklyRun> clients, String backtests, StageTimes times) {
  public WeeklyReport {
    clients = List.copyOf(clients);
  }

  /**
   * The worst client outcome. Drift does not fail the run: it is a signal for people (the summary
   * and the report say "shifted"), not a broken client.
   */
  public ClientRun.Outcome outcome() {
    return clients.stream()
        .map(WeeklyRun::outcome)
        .reduce(ClientRun.Outcome.OK, ClientRun.Outcome::worse);
  }

  /** 2 an invalid config, else 1 a failed client, else 0. */
  public int exitCode() {
    return outcome().exitCode();
  }

  public void print(PrintWriter out) {
    out.println("== weekly summary");
    out.print(
        SummaryTable.render(WeeklyRun.HEADER, clients.stream().map(WeeklyRun::cells).toList()));
    out.println();
    out.println(
        "reports: "
            + backtests
            + "/<client>/report.html (walk-forward folds, champion ="
            + " the production model, Drift section), metrics.json");
    out.println("stages:  " + SummaryTable.stages(times));
    out.println(
        "exit code: "
            + exitCode()
            + " ("
            + outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + ")");
    out.flush();
  }
}
