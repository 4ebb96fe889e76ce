package io.micromodels.training.score;

import io.micromodels.features.config.ModelSpec;
import io.micromodels.training.calibrate.Calibrators;
import io.micromodels.training.calibrate.IsotonicCalibrator;
import io.micromodels.training.calibrate.MonotoneCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * Fraud-rate matching for {@code FRAUD_RATE_AT_SCORE}: isotonic fits (as in calibration) give each
 * model's fraud rate as a non-decreasing curve of its score; each knot of the new model's curve,
 * with rate r, maps to the champion score whose rate is r.
 *
 * <p>Isotonic curves are flat over blocks, so "the champion score with rate r" is an interval. A
 * flat run of the new curve maps end to end onto that interval (its first knot to the interval's
 * lowest score, its last to the highest); a single knot maps to the interval's middle. Rates below
 * or above the champion's range map to the champion curve's first or last knot. That map never
 * decreases but can be flat (several new rates beyond the champion's range) and so would merge
 * scores the new model tells apart; the map kept is therefore {@code (1 - BLEND) * match + BLEND *
 * identity} with {@link #BLEND} = 0.001: strictly increasing (ranking kept, invertible), and within
 * 0.1 score points of the pure match.
 */
final class FraudRateMatch {
  static final double BLEND = 0.001;

  private FraudRateMatch() {}

  static MonotoneCurve fit(double[] scores, double[] championScores, double[] labels) {
    IsotonicCalibrator mine = isotonic(scores, labels);
    IsotonicCalibrator theirs = isotonic(championScores, labels);
    double[] xs = mine.knots();
    double[] rates = mine.probabilities();
    double[] cs = theirs.knots();
    double[] qs = theirs.probabilities();
    List<double[]> knots = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      boolean startsRun = i + 1 < xs.length && rates[i + 1] == rates[i];
      boolean endsRun = i > 0 && rates[i - 1] == rates[i];
      double low = lowest(cs, qs, rates[i]);
      double high = highest(cs, qs, rates[i]);
      double match = startsRun && !endsRun ? low : endsRun && !startsRun ? high : (low + high) / 2;
      knots.add(new double[] {xs[i], (1 - BLEND) * match + BLEND * xs[i]});
    }

    return StabilityFitter.withEnds(knots);
  }

  private static IsotonicCalibrator isotonic(double[] scores, double[] labels) {
    return (IsotonicCalibrator) Calibrators.fit(ModelSpec.Calibration.ISOTONIC, scores, labels);
  }

  /** The lowest score where the curve reaches {@code rate} (its ends outside its range). */
  static double lowest(double[] xs, double[] ys, double rate) {
    if (rate <= ys[0]) {
      return xs[0];
    }

    for (int j = 1; j < xs.length; j++) {
      if (ys[j] >= rate) {
        return between(xs, ys, j - 1, rate);
      }
    }

    return xs[xs.length - 1];
  }

  /** The highest score where the curve is still at or below {@code rate}. */
  static double highest(double[] xs, double[] ys, double rate) {
    int last = xs.length - 1;
    if (rate >= ys[last]) {
      return xs[last];
    }

    for (int j = last - 1; j >= 0; j--) {
      if (ys[j] <= rate) {
        return between(xs, ys, j, rate);
      }
    }

    return xs[0];
  }

  /** Where the segment from knot {@code j} to {@code j + 1} takes {@code rate}. */
  private static double between(double[] xs, double[] ys, int j, double rate) {
    if (ys[j + 1] == ys[j]) {
      return rate == ys[j] ? xs[j] : xs[j + 1];
    }

    double share = (rate - ys[j]) / (ys[j + 1] - ys[j]);
    return xs[j] + Math.max(0, Math.min(1, share)) * (xs[j + 1] - xs[j]);
  }
}
