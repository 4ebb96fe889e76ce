package io.micromodels.evaluation.backtest;

import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.LabelSpec;
import io.micromodels.features.config.TrainingSpec;
import java.time.Instant;

/**
 * A client's config with a backtest's windows applied: {@code --train-days} (default: the config's
 * {@code backtest.train_days}) and {@code --label-delay} (default: its {@code label.delay_days}),
 * so every fold trains exactly as the layout says and the lineage's config hash is the hash of what
 * actually ran.
 */
public final class EffectiveConfig {
  private EffectiveConfig() {}

  public static ClientConfig of(ClientConfig config, Integer trainDays, Integer labelDelayDays) {
    int days = trainDays == null ? config.backtest().trainDays() : trainDays;
    int delay = labelDelayDays == null ? config.label().delayDays() : labelDelayDays;
    if (days == config.training().trainDays() && delay == config.label().delayDays()) {
      return config;
    }

    TrainingSpec training;
    LabelSpec label;
    try {
      training =
          new TrainingSpec(days, config.training().validationDays(), config.training().rowCap());
      label = config.label().withDelayDays(delay);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Backtest of client "
              + config.clientId()
              + " ("
              + config.source()
              + "): --train-days "
              + days
              + " / --label-delay "
              + delay
              + " do not fit its config: "
              + e.getMessage());
    }

    return new ClientConfig(
        config.clientId(),
        config.source(),
        config.timeZone(),
        config.nightHours(),
        config.regions(),
        config.decisionEventTypes(),
        label,
        config.features(),
        config.micromodels(),
        config.model(),
        config.policy(),
        config.gates(),
        training,
        config.backtest(),
        config.assertions(),
        config.minFraudLabels(),
        config.autoPromote());
  }

  /** The layout of a client's walk-forward folds, evaluated with labels as of evaluatedAt. */
  public static FoldLayout layout(
      ClientConfig effective, BacktestPlan.WalkForward plan, Instant evaluatedAt) {
    return FoldLayout.of(
        plan.windowsAsOf(),
        evaluatedAt,
        plan.folds(),
        effective.training().trainDays(),
        effective.label().delayDays(),
        plan.testDays());
  }
}
