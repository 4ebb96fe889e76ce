package io.micromodels.training.calibrate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Isotonic calibration: a non-decreasing step function of the log-odds, linearly interpolated
 * between its knots and clipped beyond the first and last (scikit-learn's {@code
 * IsotonicRegression(out_of_bounds="clip")} prediction rule).
 */
public final class IsotonicCalibrator implements Calibrator {
  private final MonotoneCurve curve;

  @JsonCreator
  public IsotonicCalibrator(
      @JsonProperty("knots") double[] knots,
      @JsonProperty("probabilities") double[] probabilities) {
    if (knots.length == 0 || knots.length != probabilities.length) {
      throw new IllegalArgumentException(
          "isotonic calibration needs as many probabilities as"
              + " knots, and at least one: "
              + knots.length
              + " vs "
              + probabilities.length);
    }

    for (int i = 0; i < knots.length; i++) {
      if (i > 0 && (knots[i] < knots[i - 1] || probabilities[i] < probabilities[i - 1])) {
        throw new IllegalArgumentException("isotonic knots and probabilities must not decrease");
      }

      if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
        throw new IllegalArgumentException("probability outside 0..1: " + probabilities[i]);
      }
    }

    this.curve = new MonotoneCurve(knots, probabilities);
  }

  @Override
  public double probability(double logOdds) {
    return curve.value(logOdds);
  }

  /**
   * Every knot's probability with its odds times the rate: a monotone map of the values, so the
   * curve stays non-decreasing, and exact at the knots (between them it interpolates the corrected
   * values rather than correcting the interpolated ones).
   */
  @Override
  public IsotonicCalibrator priorCorrected(double genuineSampleRate) {
    Calibrator.checkRate(genuineSampleRate);
    if (genuineSampleRate == 1) {
      return this;
    }

    double[] probabilities = curve.ys();
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = Calibrator.scaledOdds(probabilities[i], genuineSampleRate);
    }

    return new IsotonicCalibrator(curve.xs(), probabilities);
  }

  @JsonProperty
  public double[] knots() {
    return curve.xs();
  }

  @JsonProperty
  public double[] probabilities() {
    return curve.ys();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IsotonicCalibrator c && curve.equals(c.curve);
  }

  @Override
  public int hashCode() {
    return curve.hashCode();
  }
}
