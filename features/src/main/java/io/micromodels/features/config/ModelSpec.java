package io.micromodels.features.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How micromodel outputs become a score.
 *
 * @param combinerRawFeatures raw feature columns the combiner reads beside the micromodels'
 *     out-of-fold log-odds
 * @param combinerRegularisation the combiner's C grid
 * @param calibration how combiner outputs become probabilities
 * @param scoreMapping how probabilities become the 0-100 score
 */
public record ModelSpec(
    List<String> combinerRawFeatures,
    Regularisation combinerRegularisation,
    Calibration calibration,
    ScoreMapping scoreMapping)
    implements Serializable {

  /** Calibration method (chosen in config). */
  public enum Calibration {
    PLATT,
    ISOTONIC
  }

  /** Probability to score. */
  public enum ScoreMapping {
    /** score = 100 x probability. */
    PROBABILITY_PERCENT,
    /**
     * score = 100 x rank of the log-odds on a fixed logistic scale (spreads small probabilities).
     */
    LOG_ODDS
  }

  public ModelSpec {
    combinerRawFeatures = List.copyOf(combinerRawFeatures);
    Objects.requireNonNull(combinerRegularisation, "combinerRegularisation");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(scoreMapping, "scoreMapping");
  }

  public static ModelSpec defaults() {
    return new ModelSpec(
        List.of(), Regularisation.defaults(), Calibration.PLATT, ScoreMapping.PROBABILITY_PERCENT);
  }
}
