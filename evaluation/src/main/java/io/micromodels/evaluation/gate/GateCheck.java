package io.micromodels.evaluation.gate;

import java.util.Objects;

/**
 * One bound of one gate, checked. Values are null when absent or not measurable (NaN).
 *
 * @param name the check's stable name: the metric and the bound's config key, e.g. {@code
 *     pr_auc.max_drop}, {@code action_change_rate.max}
 * @param metric the gate's metric name
 * @param offline the candidate's offline value, which decides the status
 * @param live the same metric on the live system's scores; shown beside the offline value but never
 *     deciding the status (live scores are the old model's, so they describe the champion's world,
 *     not the candidate)
 * @param champion the champion's value, null without a champion
 * @param bound the bound as text: "≥ 0.70", "≤ 0.05", "drop ≤ 0.02 vs 0.410"
 * @param threshold the limit {@code offline} is compared with (for a bound relative to the
 *     champion: the champion's value minus the allowed drop or plus the allowed increase), null
 *     when it cannot be known (a relative bound without champion)
 * @param status PASS, FAIL or NOT_CHECKED
 * @param reason a sentence that says why, with the numbers
 */
public record GateCheck(
    String name,
    String metric,
    Double offline,
    Double live,
    Double champion,
    String bound,
    Double threshold,
    CheckStatus status,
    String reason) {
  public GateCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    offline = measured(offline);
    live = measured(live);
    champion = measured(champion);
  }

  /** Whether this check blocks a release. */
  public boolean isFailed() {
    return status == CheckStatus.FAIL;
  }

  private static Double measured(Double value) {
    return value == null || value.isNaN() ? null : value;
  }

  /** This check with another reason. */
  GateCheck withReason(String newReason) {
    return new GateCheck(
        name, metric, offline, live, champion, bound, threshold, status, newReason);
  }
}
