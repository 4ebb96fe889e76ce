package io.micromodels.training.score;

import io.micromodels.training.policy.Action;
import java.util.Map;

/**
 * The scorer's answer for one decision event.
 *
 * @param score 0-100
 * @param action what the client's policy does at that score for this event
 * @param probability the calibrated fraud probability behind the score
 * @param contributions each combiner input's additive share of the log-odds (micromodel names and
 *     raw feature names), in combiner order
 */
public record ScoreResult(
    double score, Action action, double probability, Map<String, Double> contributions) {}
