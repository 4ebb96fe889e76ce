package io.micromodels.evaluation.backtest;

import java.time.Instant;
import java.util.Objects;

/** What a backtest tests: models trained fold by fold, or candidates already trained. */
public sealed interface BacktestPlan permits BacktestPlan.WalkForward, BacktestPlan.Holdout {
  /**
   * Walk-forward, out-of-time folds, each trained as of its cut-off.
   *
   * @param trainDays days each fold trains on, or null for each client's {@code
   *     backtest.train_days}
   * @param labelDelayDays the gap before each cut-off, or null for each client's {@code
   *     label.delay_days}
   * @param windowsAsOf the as-of the windows are laid out from (the last test window ends with its
   *     day): the evaluation's moment, or an earlier one when a past window is evaluated with
   *     labels that arrived later ({@code backtest --labels-as-of})
   */
  record WalkForward(
      int folds, Integer trainDays, Integer labelDelayDays, int testDays, Instant windowsAsOf)
      implements BacktestPlan {
    // folds and days are checked where the layout is made (FoldLayout.of)
    public WalkForward {
      Objects.requireNonNull(windowsAsOf, "windowsAsOf");
    }
  }

  /**
   * The nightly's holdout: candidates trained as of the evaluation, tested as they are on what
   * neither they nor the champion trained on ({@link FoldLayout#holdout}).
   *
   * @param trainedCandidates folder of {@code <client>/model.json}
   */
  record Holdout(String trainedCandidates) implements BacktestPlan {
    public Holdout {
      Objects.requireNonNull(trainedCandidates, "trainedCandidates");
    }
  }
}
