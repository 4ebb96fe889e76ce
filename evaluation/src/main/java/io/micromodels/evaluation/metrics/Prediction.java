package io.micromodels.evaluation.metrics;

import io.micromodels.training.policy.Action;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One model's answer for a decision event: the candidate's, the champion's, the parent (global)
 * model's, or the live system's (whose probability is its 0-100 score / 100 and which has no
 * contributions).
 *
 * @param score 0-100
 * @param probability calibrated fraud probability behind the score
 * @param action what the policy does at that score
 * @param contributions each combiner input's share of the log-odds, by micromodel or raw-feature
 *     name (empty when unknown)
 */
public record Prediction(
    double score, double probability, Action action, Map<String, Double> contributions)
    implements Serializable {
  public Prediction {
    Objects.requireNonNull(action, "action");
    contributions = Map.copyOf(contributions);
  }
}
