package io.micromodels.evaluation.backtest;

import io.micromodels.training.artifact.ClientModel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest run is asked to do.
 *
 * @param evaluatedAt labels are as known then; the test windows end with this instant's day
 *     unless {@code windowsAsOf} says otherwise
 * @param trainDays days each fold trains on, or null for each client's {@code training.train_days}
 * @param labelDelayDays the gap before each cut-off, or null for each client's
 *     {@code label.delay_days}
 * @param champions client id to its production model (clients without one are absent)
 * @param hypothesis the ad-hoc run's hypothesis, or null
 * @param objective the ad-hoc run's objective ({@code pr_auc:+0.01}), or null
 * @param outDir where the run's folder is written
 * @param runId names the run (its folder and the report)
 * @param trainedCandidates null for a walk-forward backtest (each fold trained as of its
 *     cut-off); or a folder of {@code <client>/model.json} trained as of the evaluation date, to
 *     be tested as they are on what neither they nor the champion trained on
 *     ({@link FoldLayout#holdout}; {@code folds}, {@code trainDays} and {@code testDays} are
 *     then unused)
 * @param drift whether to measure each client's drift from a reference period ({@link Drift}:
 *     the production model's training window, or else the first fold's)
 * @param windowsAsOf the as-of the walk-forward windows are laid out from (the last test window
 *     ends with its day); {@code evaluatedAt} itself, or an earlier moment when a past window is
 *     evaluated with labels that arrived later ({@code backtest --labels-as-of})
 */
public record BacktestRequest(Instant evaluatedAt, int folds, Integer trainDays,
    Integer labelDelayDays, int testDays, Map<String, ClientModel> champions, String hypothesis,
    String objective, String outDir, String runId, String trainedCandidates, boolean drift,
    Instant windowsAsOf) {
  public BacktestRequest {
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(windowsAsOf, "windowsAsOf");
    if (windowsAsOf.isAfter(evaluatedAt)) {
      throw new IllegalArgumentException("labels as of " + evaluatedAt + " are before the test"
          + " windows' as-of " + windowsAsOf + ": a test window must end before its labels");
    }
    if (trainedCandidates != null && !windowsAsOf.equals(evaluatedAt)) {
      throw new IllegalArgumentException("a holdout of trained candidates is evaluated at their"
          + " as-of; labels as of a later moment apply to walk-forward backtests only");
    }

    champions = Map.copyOf(champions);
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(runId, "runId");
  }

  /** A walk-forward backtest. */
  public BacktestRequest(Instant evaluatedAt, int folds, Integer trainDays,
      Integer labelDelayDays, int testDays, Map<String, ClientModel> champions, String hypothesis,
      String objective, String outDir, String runId) {
    this(evaluatedAt, folds, trainDays, labelDelayDays, testDays, champions, hypothesis,
        objective, outDir, runId, null, false, evaluatedAt);
  }

  /**
   * The nightly's holdout of trained candidates ({@link FoldLayout#holdout}).
   *
   * @param trainedCandidates folder of {@code <client>/model.json} trained as of evaluatedAt
   */
  public static BacktestRequest holdout(Instant evaluatedAt, String trainedCandidates,
      Map<String, ClientModel> champions, String outDir, String runId) {
    return new BacktestRequest(evaluatedAt, 1, null, null, 1, champions, null, null, outDir,
        runId, Objects.requireNonNull(trainedCandidates, "trainedCandidates"), false,
        evaluatedAt);
  }

  /** This request with the drift section measured too. */
  public BacktestRequest withDrift() {
    return new BacktestRequest(evaluatedAt, folds, trainDays, labelDelayDays, testDays, champions,
        hypothesis, objective, outDir, runId, trainedCandidates, true, windowsAsOf);
  }

  /**
   * This request's windows, laid out from its as-of, evaluated with labels as known at the later
   * {@code labelsAsOf}: a past window in one fold with mature labels.
   */
  public BacktestRequest withLabelsAsOf(Instant labelsAsOf) {
    return new BacktestRequest(labelsAsOf, folds, trainDays, labelDelayDays, testDays, champions,
        hypothesis, objective, outDir, runId, trainedCandidates, drift, windowsAsOf);
  }

  public boolean isHoldout() {
    return trainedCandidates != null;
  }
}
