package io.micromodels.training.calibrate;

import io.micromodels.training.fit.LogisticModel;

/**
 * Platt scaling: {@code p = sigmoid(slope * logOdds + intercept)}.
 *
 * @param slope multiplies the combiner's log-odds
 * @param intercept shifts them
 */
public record PlattCalibrator(double slope, double intercept) implements Calibrator {
  public PlattCalibrator {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException(
          "Platt parameters must be finite: " + slope + ", " + intercept);
    }
  }

  @Override
  public double probability(double logOdds) {
    return LogisticModel.sigmoid(slope * logOdds + intercept);
  }

  /** Odds times the rate: log(rate) added to the intercept, exactly. */
  @Override
  public PlattCalibrator priorCorrected(double genuineSampleRate) {
    Calibrator.checkRate(genuineSampleRate);
    return genuineSampleRate == 1
        ? this
        : new PlattCalibrator(slope, intercept + Math.log(genuineSampleRate));
  }
}
