package io.micromodels.training.artifact;

import io.micromodels.features.config.ModelSpec;
import java.util.Objects;

/**
 * Turns a calibrated fraud probability into the 0-100 score clients see: {@code score =
 * stability(raw(p))}.
 *
 * <p>{@code raw} is fixed by the config's {@code score.mapping}:
 *
 * <ul>
 *   <li>{@code PROBABILITY_PERCENT}: {@code 100 * p}.
 *   <li>{@code LOG_ODDS}: {@code 100 * clamp((log10(p / (1 - p)) + 4) / 5, 0, 1)}: odds of 1:10,000
 *       (p ≈ 0.0001) score 0, every tenfold of the odds adds 20 points, odds of 10:1 (p ≈ 0.909)
 *       score 100; p = 0.5 scores 80 and p = 0.01 scores about 40. Fraud rates are small, so this
 *       spreads the range where thresholds sit; the scale is fixed (not fitted), so a score means
 *       the same odds in every release.
 * </ul>
 *
 * <p>{@code stability} is the fitted {@link StabilityMap} (identity when none applies).
 *
 * @param mapping the probability-to-score rule
 * @param stability the map applied after it
 */
public record ScoreScale(ModelSpec.ScoreMapping mapping, StabilityMap stability) {
  public static final double MAX_SCORE = 100;

  /** log10 of the odds that score 0 under {@code LOG_ODDS}. */
  public static final double LOG_ODDS_FLOOR = -4;

  /** Decades of odds the {@code LOG_ODDS} scale spans from 0 to 100. */
  public static final double LOG_ODDS_DECADES = 5;

  public ScoreScale {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(stability, "stability");
  }

  /** A scale without a stability map (the policy asks for none). */
  public static ScoreScale of(ModelSpec.ScoreMapping mapping) {
    return new ScoreScale(mapping, StabilityMap.notConfigured());
  }

  public ScoreScale withStability(StabilityMap map) {
    return new ScoreScale(mapping, map);
  }

  /**
   * The score before the stability map, within 0..100.
   *
   * @throws IllegalArgumentException when {@code probability} is not within 0..1
   */
  public double raw(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability outside 0..1: " + probability);
    }

    return switch (mapping) {
      case PROBABILITY_PERCENT -> MAX_SCORE * probability;
      case LOG_ODDS -> logOddsScore(probability);
    };
  }

  /** The score clients see, within 0..100. */
  public double score(double probability) {
    return stability.apply(raw(probability));
  }

  private static double logOddsScore(double probability) {
    // p = 0 and p = 1 give -/+ infinity, which the clamp turns into 0 and 100.
    double decades = Math.log10(probability / (1 - probability));
    double share = (decades - LOG_ODDS_FLOOR) / LOG_ODDS_DECADES;
    return MAX_SCORE * Math.max(0, Math.min(1, share));
  }
}
