package io.micromodels.evaluation.gate;

import java.util.Objects;

/**
 * Whether an ad-hoc backtest met its {@link Objective}.
 *
 * @param objective what was asked
 * @param met whether the observed value or change meets the objective; null when it cannot be
 *     evaluated (a change without a champion, a value that is not measurable)
 * @param confident whether the confidence interval lies entirely on the objective's side (ends
 *     equal to the target count); false without an interval
 * @param observed the candidate's value for a bound, candidate − champion for a change; null when
 *     not evaluable
 * @param ciLow the interval's low end, null without an interval
 * @param ciHigh the interval's high end, null without an interval
 * @param level the interval's confidence level, null without an interval
 * @param statement the sentence the report prints, e.g. "pr_auc +0.013 vs the champion (95% CI
 *     −0.002 … +0.028): objective +0.01 met, not confirmed by the interval"
 */
public record ObjectiveResult(
    Objective objective,
    Boolean met,
    boolean confident,
    Double observed,
    Double ciLow,
    Double ciHigh,
    Double level,
    String statement) {
  public ObjectiveResult {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(statement, "statement");
    if (confident && !Boolean.TRUE.equals(met)) {
      throw new IllegalArgumentException("confident without the objective met: " + statement);
    }
  }

  /** Whether the objective could be evaluated at all. */
  public boolean isEvaluable() {
    return met != null;
  }
}
