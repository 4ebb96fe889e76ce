package io.micromodels.evaluation.gate;

import io.micromodels.features.config.GateSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gate and objectives need to know about each metric of {@link GateSpec#METRICS}: its
 * {@link MetricDirection} and whether it compares the candidate with the champion (such a value
 * exists only when there is a champion).
 */
public final class MetricCatalogue {
  private static final List<String> HIGHER =
      List.of(
          "pr_auc",
          "roc_auc",
          "precision_at_k",
          "card_precision_at_k",
          "event_precision_at_k",
          "fraud_caught",
          "fraud_caught_amount",
          "prevented_asserts",
          "score_rank_correlation",
          "feature_rank_correlation",
          "label_completeness");
  private static final List<String> LOWER =
      List.of(
          "log_loss",
          "brier",
          "calibration_difference",
          "expected_calibration_error",
          "false_positive_rate",
          "action_change_rate",
          "score_difference",
          "population_stability_index");
  private static final List<String> NEUTRAL = List.of("block_rate", "review_rate");

  private static final Set<String> CHAMPION_COMPARISONS =
      Set.of(
          "action_change_rate",
          "score_difference",
          "score_rank_correlation",
          "feature_rank_correlation",
          "population_stability_index");

  /** Metrics computed from fraud labels: pooled over mature windows only (LabelMaturity). */
  private static final Set<String> NEEDS_LABELS =
      Set.of(
          "pr_auc",
          "roc_auc",
          "precision_at_k",
          "card_precision_at_k",
          "event_precision_at_k",
          "fraud_caught",
          "fraud_caught_amount",
          "log_loss",
          "brier",
          "calibration_difference",
          "expected_calibration_error",
          "false_positive_rate");

  private static final Map<String, MetricDirection> DIRECTIONS = directions();

  private MetricCatalogue() {}

  /**
   * The direction of a gate metric.
   *
   * @throws IllegalArgumentException when {@code metric} is not in {@link GateSpec#METRICS}
   */
  public static MetricDirection direction(String metric) {
    MetricDirection direction = DIRECTIONS.get(metric);
    if (direction == null) {
      throw new IllegalArgumentException("unknown gate metric " + metric);
    }

    return direction;
  }

  /** Whether {@code metric} is a candidate-vs-champion value, absent when there is no champion. */
  public static boolean comparesWithChampion(String metric) {
    return CHAMPION_COMPARISONS.contains(metric);
  }

  /** Whether {@code metric} is computed from fraud labels (and so depends on their maturity). */
  public static boolean needsLabels(String metric) {
    return NEEDS_LABELS.contains(metric);
  }

  private static Map<String, MetricDirection> directions() {
    Map<String, MetricDirection> directions = new HashMap<>();
    HIGHER.forEach(m -> directions.put(m, MetricDirection.HIGHER_IS_BETTER));
    LOWER.forEach(m -> directions.put(m, MetricDirection.LOWER_IS_BETTER));
    NEUTRAL.forEach(m -> directions.put(m, MetricDirection.NEUTRAL));
    // A metric added to GateSpec.METRICS without a direction here is a bug: fail on first use.
    if (!directions.keySet().equals(GateSpec.METRICS)) {
      throw new IllegalStateException(
          "metric directions "
              + directions.keySet()
              + " do not match GateSpec.METRICS "
              + GateSpec.METRICS);
    }

    return Map.copyOf(directions);
  }
}
