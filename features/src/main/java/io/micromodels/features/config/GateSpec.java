package io.micromodels.features.config;

import java.util.List;
import java.util.Objects;

/**
 * One release check: absolute bounds and/or limits relative to the champion. Null bounds are
 * not checked.
 */
public record GateSpec(String metric, Double min, Double max, Double maxDrop, Double maxIncrease) {
  public GateSpec {
    Objects.requireNonNull(metric, "metric");
    if (min == null && max == null && maxDrop == null && maxIncrease == null) {
      throw new IllegalArgumentException("gate " + metric + " has no bound");
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
