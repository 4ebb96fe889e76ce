package io.micromodels.training.artifact;

import io.micromodels.features.config.Policy;
import io.micromodels.training.calibrate.MonotoneCurve;
import java.util.Objects;

/**
 * A monotone piecewise-linear map of 0..100 onto 0..100 applied to a new model's raw scores so that
 * what the client relies on stays where the champion had it ({@link StabilityFitter} fits it). The
 * identity when the policy asks for no stability, when there is no champion, or when the rows
 * cannot support a fit; {@code basis} records which.
 *
 * @param mode the policy's stability rule, or null when it has none
 * @param basis why the map is what it is
 * @param curve the map (knots on 0..100, clipped outside them)
 * @param rows the rows it was fitted on (0 for the identity without a fit)
 */
public record StabilityMap(Policy.Stability mode, Basis basis, MonotoneCurve curve, int rows) {
  /** How the map came about. */
  public enum Basis {
    /** The policy has no {@code stability}: identity. */
    NOT_CONFIGURED,
    /** There is no champion to match (a client's first model): identity. */
    NO_CHAMPION,
    /** Too few rows, or (fraud rate at score) no positives or no negatives: identity. */
    INSUFFICIENT_DATA,
    /** Fitted against the champion's scores on the same rows. */
    FITTED
  }

  public StabilityMap {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(curve, "curve");
    if ((mode == null) != (basis == Basis.NOT_CONFIGURED)) {
      throw new IllegalArgumentException(
          "a stability map has a mode unless none is configured: " + mode + ", " + basis);
    }

    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }

    double[] xs = curve.xs();
    double[] ys = curve.ys();
    if (xs[0] < 0
        || xs[xs.length - 1] > ScoreScale.MAX_SCORE
        || ys[0] < 0
        || ys[ys.length - 1] > ScoreScale.MAX_SCORE) {
      throw new IllegalArgumentException("a stability map's knots must lie within 0..100");
    }
  }

  public static StabilityMap notConfigured() {
    return new StabilityMap(null, Basis.NOT_CONFIGURED, identityCurve(), 0);
  }

  /** The identity for a policy without a champion to match; records the mode it would use. */
  public static StabilityMap withoutChampion(Policy policy) {
    return policy.stability() == null
        ? notConfigured()
        : new StabilityMap(policy.stability(), Basis.NO_CHAMPION, identityCurve(), 0);
  }

  /** The curve that leaves every score as it is. */
  public static MonotoneCurve identityCurve() {
    return new MonotoneCurve(
        new double[] {0, ScoreScale.MAX_SCORE}, new double[] {0, ScoreScale.MAX_SCORE});
  }

  /** The mapped score. */
  public double apply(double rawScore) {
    return curve.value(rawScore);
  }
}
