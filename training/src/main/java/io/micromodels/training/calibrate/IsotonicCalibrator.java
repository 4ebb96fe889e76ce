package io.micromodels.training.calibrate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Isotonic calibration: a non-decreasing step function of the log-odds, linearly interpolated
 * between its knots and clipped beyond the first and last (scikit-learn's
 * {@code IsotonicRegression(out_of_bounds="clip")} prediction rule).
 */
public final class IsotonicCalibrator implements Calibrator {
  private final double[] knots;
  private final double[] probabilities;

  @JsonCreator
  public IsotonicCalibrator(@JsonProperty("knots") double[] knots,
      @JsonProperty("probabilities") double[] probabilities) {
    if (knots.length == 0 || knots.length != probabilities.length) {
      throw new IllegalArgumentException("isotonic calibration needs as many probabilities as"
          + " knots, and at least one: " + knots.length + " vs " + probabilities.length);
    }

    for (int i = 0; i < knots.length; i++) {
      if (i > 0 && (knots[i] < knots[i - 1] || probabilities[i] < probabilities[i - 1])) {
        throw new IllegalArgumentException("isotonic knots and probabilities must not decrease");
      }

      if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
        throw new IllegalArgumentException("probability outside 0..1: " + probabilities[i]);
      }
    }

    this.knots = knots.clone();
    this.probabilities = probabilities.clone();
  }

  @Override
  public double probability(double logOdds) {
    if (logOdds <= knots[0]) {
      return probabilities[0];
    }

    int last = knots.length - 1;
    if (logOdds >= knots[last]) {
      return probabilities[last];
    }

    int found = Arrays.binarySearch(knots, logOdds);
    if (found >= 0) {
      return probabilities[found];
    }

    int upper = -found - 1;
    int lower = upper - 1;
    double share = (logOdds - knots[lower]) / (knots[upper] - knots[lower]);
    return probabilities[lower] + share * (probabilities[upper] - probabilities[lower]);
  }

  @JsonProperty
  public double[] knots() {
    return knots.clone();
  }

  @JsonProperty
  public double[] probabilities() {
    return probabilities.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IsotonicCalibrator c && Arrays.equals(knots, c.knots)
        && Arrays.equals(probabilities, c.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(knots) + Arrays.hashCode(probabilities);
  }
}
