package io.micromodels.evaluation.backtest;

import io.micromodels.training.artifact.ClientModel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest run is asked to do.
 *
 * @param evaluatedAt labels are as known then; the test windows end with this instant's day unless
 *     a walk-forward plan's {@code windowsAsOf} says otherwise
 * @param plan walk-forward folds or the holdout of trained candidates
 * @param champions client id to its production model (clients without one are absent)
 * @param hypothesis the ad-hoc run's hypothesis, or null
 * @param objective the ad-hoc run's objective ({@code pr_auc:+0.01}), or null
 * @param outDir where the run's folder is written
 * @param runId names the run (its folder and the report)
 * @param drift whether to measure each client's drift from a reference period ({@link Drift}: the
 *     production model's training window, or else the first fold's)
 */
public record BacktestRequest(
    Instant evaluatedAt,
    BacktestPlan plan,
    Map<String, ClientModel> champions,
    String hypothesis,
    String objective,
    String outDir,
    String runId,
    boolean drift) {
  public BacktestRequest {
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(plan, "plan");
    if (plan instanceof BacktestPlan.WalkForward w && w.windowsAsOf().isAfter(evaluatedAt)) {
      throw new IllegalArgumentException(
          "labels as of "
              + evaluatedAt
              + " are before the test"
              + " windows' as-of "
              + w.windowsAsOf()
              + ": a test window must end before its labels");
    }

    champions = Map.copyOf(champions);
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(runId, "runId");
  }

  /** A walk-forward backtest, its windows laid out from {@code evaluatedAt}. */
  public static BacktestRequest walkForward(
      Instant evaluatedAt,
      int folds,
      Integer trainDays,
      Integer labelDelayDays,
      int testDays,
      Map<String, ClientModel> champions,
      String hypothesis,
      String objective,
      String outDir,
      String runId) {
    return new BacktestRequest(
        evaluatedAt,
        new BacktestPlan.WalkForward(folds, trainDays, labelDelayDays, testDays, evaluatedAt),
        champions,
        hypothesis,
        objective,
        outDir,
        runId,
        false);
  }

  /**
   * The nightly's holdout of trained candidates ({@link FoldLayout#holdout}).
   *
   * @param trainedCandidates folder of {@code <client>/model.json} trained as of evaluatedAt
   */
  public static BacktestRequest holdout(
      Instant evaluatedAt,
      String trainedCandidates,
      Map<String, ClientModel> champions,
      String outDir,
      String runId) {
    return new BacktestRequest(
        evaluatedAt,
        new BacktestPlan.Holdout(trainedCandidates),
        champions,
        null,
        null,
        outDir,
        runId,
        false);
  }

  /** This request with the drift section measured too. */
  public BacktestRequest withDrift() {
    return new BacktestRequest(
        evaluatedAt, plan, champions, hypothesis, objective, outDir, runId, true);
  }

  /**
   * This walk-forward request's windows, laid out from its as-of, evaluated with labels as known at
   * the later {@code labelsAsOf}: a past window in one fold with mature labels.
   *
   * @throws IllegalArgumentException for a holdout, evaluated at its candidates' as-of
   */
  public BacktestRequest withLabelsAsOf(Instant labelsAsOf) {
    if (!(plan instanceof BacktestPlan.WalkForward)) {
      throw new IllegalArgumentException(
          "a holdout of trained candidates is evaluated at their"
              + " as-of; labels as of a later moment apply to walk-forward backtests only");
    }

    return new BacktestRequest(
        labelsAsOf, plan, champions, hypothesis, objective, outDir, runId, drift);
  }

  public boolean isHoldout() {
    return plan instanceof BacktestPlan.Holdout;
  }

  /** The moment the test windows are laid out from. */
  public Instant windowsAsOf() {
    return plan instanceof BacktestPlan.WalkForward w ? w.windowsAsOf() : evaluatedAt;
  }
}
