package io.micromodels.training.calibrate;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps the combiner's log-odds to a calibrated fraud probability. Fitted on out-of-time validation
 * rows (the last days of the training window), never on the rows the combiner was fitted on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlattCalibrator.class, name = "platt"),
  @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = "isotonic")
})
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator {
  /** The calibrated probability, within [0, 1]. */
  double probability(double logOdds);

  /**
   * This calibration corrected for rows whose genuine ones were kept at {@code genuineSampleRate}
   * (all frauds kept): fitted on such rows it over-states the odds of fraud by 1 / rate for every
   * score, since the sampling depends on the label only; the correction multiplies the odds by the
   * rate (King and Zeng's prior correction), so probabilities hold for all rows.
   *
   * @param genuineSampleRate within (0, 1]; 1 returns this calibration
   */
  Calibrator priorCorrected(double genuineSampleRate);

  /** The odds of {@code probability} multiplied by {@code rate}, as a probability. */
  static double scaledOdds(double probability, double rate) {
    return rate * probability / (rate * probability + 1 - probability);
  }

  /** Refuses a rate outside (0, 1]. */
  static void checkRate(double genuineSampleRate) {
    if (!(genuineSampleRate > 0 && genuineSampleRate <= 1)) {
      throw new IllegalArgumentException(
          "genuine sample rate must be within (0, 1]: " + genuineSampleRate);
    }
  }
}
