package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.Drift;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One client's row of the weekly summary.
 *
 * @param production the production version walked forward, or "-" without one
 * @param backtest "evaluated" or "failed"
 * @param gate the walk-forward's happy-path verdict on the client's current recipe
 * @param scorePsi the production model's largest score PSI over the folds
 * @param worstInput the input that moved most, with its largest PSI
 * @param drift "stable", "moderate" or "shifted" by the larger of the two
 */
public record WeeklyRun(
    String client,
    String config,
    String production,
    String backtest,
    String gate,
    String scorePsi,
    String worstInput,
    String drift,
    String note,
    ClientRun.Outcome outcome) {
  static final List<String> HEADER =
      List.of(
          "client",
          "config",
          "production",
          "backtest",
          "gate",
          "score PSI",
          "worst input",
          "drift",
          "note");
  private static final String SKIPPED = ClientRun.SKIPPED;

  public WeeklyRun {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(outcome, "outcome");
  }

  static WeeklyRun badConfig(String client, String error) {
    return new WeeklyRun(
        client,
        "invalid",
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        error,
        ClientRun.Outcome.BAD_CONFIG);
  }

  /** Not walked forward: the client has no production model yet (not a failure). */
  static WeeklyRun withoutProduction(String client) {
    return new WeeklyRun(
        client,
        "ok",
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        "no production model: nothing to walk forward",
        ClientRun.Outcome.OK);
  }

  static WeeklyRun failed(String client, String production, String error) {
    return new WeeklyRun(
        client,
        "ok",
        production,
        "failed",
        SKIPPED,
        SKIPPED,
        SKIPPED,
        SKIPPED,
        error,
        ClientRun.Outcome.FAILED);
  }

  /** An evaluated client: its gate verdict and drift, the report as its note. */
  static WeeklyRun evaluated(String production, ClientBacktest backtest, Drift drift) {
    if (backtest.status() == ClientBacktest.Status.FAILED || backtest.gatePassed() == null) {
      return failed(backtest.clientId(), production, "backtest: " + backtest.message());
    }

    double score =
        drift == null ? Double.NaN : drift.score().map(Drift.Variable::max).orElse(Double.NaN);
    Drift.Variable worst = drift == null ? null : drift.worstInput().orElse(null);
    double largest = Math.max(Double.isNaN(score) ? 0 : score, worst == null ? 0 : worst.max());
    return new WeeklyRun(
        backtest.clientId(),
        "ok",
        production,
        "evaluated",
        backtest.gatePassed() ? "passed" : "blocked",
        psi(score),
        worst == null ? SKIPPED : worst.name() + " " + psi(worst.max()),
        drift == null ? SKIPPED : Drift.status(largest),
        "report " + backtest.reportPath(),
        ClientRun.Outcome.OK);
  }

  List<String> cells() {
    return List.of(client, config, production, backtest, gate, scorePsi, worstInput, drift, note);
  }

  private static String psi(double value) {
    return Double.isNaN(value) ? SKIPPED : String.format(Locale.ROOT, "%.3f", value);
  }
}
