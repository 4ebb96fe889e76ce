package io.micromodels.features.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One release check: absolute bounds and/or limits relative to the champion. Null bounds are not
 * checked.
 *
 * @param metric one of {@link #METRICS}
 * @param min the candidate's value must be at least this
 * @param max the candidate's value must be at most this
 * @param maxDrop the candidate may be at most this much below the champion
 * @param maxIncrease the candidate may be at most this much above the champion
 */
public record GateSpec(String metric, Double min, Double max, Double maxDrop, Double maxIncrease)
    implements java.io.Serializable {
  public static final String METRIC = "metric";
  public static final String MIN = "min";
  public static final String MAX = "max";
  public static final String MAX_DROP = "max_drop";
  public static final String MAX_INCREASE = "max_increase";

  /**
   * Metric names a gate may check (DESIGN.md §4, Evaluate): the evaluation stage reports each of
   * them under this name. A gate on any other name is a config error, so a typo fails before any
   * Spark work instead of at the gate.
   */
  public static final Set<String> METRICS =
      Set.of(
          "pr_auc",
          "roc_auc",
          "log_loss",
          "brier",
          "calibration_difference",
          "expected_calibration_error",
          "precision_at_k",
          "card_precision_at_k",
          "event_precision_at_k",
          "block_rate",
          "review_rate",
          "fraud_caught",
          "fraud_caught_amount",
          "false_positive_rate",
          "action_change_rate",
          "score_difference",
          "score_rank_correlation",
          "feature_rank_correlation",
          "population_stability_index",
          "prevented_asserts",
          "label_completeness");

  public GateSpec {
    Objects.requireNonNull(metric, "metric");
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("unknown gate metric " + metric);
    }

    if (min == null && max == null && maxDrop == null && maxIncrease == null) {
      throw new IllegalArgumentException("gate " + metric + " has no bound");
    }

    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("gate " + metric + ": min " + min + " > max " + max);
    }
  }

  /** The happy path's default checks (DESIGN.md §4, issue texts). */
  public static List<GateSpec> defaults() {
    return List.of(
        new GateSpec("pr_auc", null, null, 0.02, null),
        new GateSpec("action_change_rate", null, 0.05, null, null),
        new GateSpec("calibration_difference", null, 0.05, null, null),
        new GateSpec("prevented_asserts", 0.7, null, null, null),
        new GateSpec("feature_rank_correlation", 0.8, null, null, null));
  }
}
