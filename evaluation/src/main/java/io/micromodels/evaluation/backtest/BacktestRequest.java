package io.micromodels.evaluation.backtest;

import io.micromodels.training.artifact.ClientModel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest run is asked to do.
 *
 * @param evaluatedAt the as-of of the run: labels are as known then
 * @param trainDays days each fold trains on, or null for each client's {@code training.train_days}
 * @param labelDelayDays the gap before each cut-off, or null for each client's
 *     {@code label.delay_days}
 * @param champions client id to its production model (clients without one are absent)
 * @param hypothesis the ad-hoc run's hypothesis, or null
 * @param objective the ad-hoc run's objective ({@code pr_auc:+0.01}), or null
 * @param outDir where the run's folder is written
 * @param runId names the run (its folder and the report)
 */
public record BacktestRequest(Instant evaluatedAt, int folds, Integer trainDays,
    Integer labelDelayDays, int testDays, Map<String, ClientModel> champions, String hypothesis,
    String objective, String outDir, String runId) {
  public BacktestRequest {
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    champions = Map.copyOf(champions);
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(runId, "runId");
  }
}
