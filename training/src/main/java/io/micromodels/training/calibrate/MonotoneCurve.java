package io.micromodels.training.calibrate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A non-decreasing piecewise-linear function given by its knots: linear between neighbouring knots,
 * constant (clipped) before the first and after the last. The prediction rule of scikit-learn's
 * {@code IsotonicRegression(out_of_bounds="clip")}, shared by isotonic calibration and the
 * score-stability map so both evaluate curves the same way.
 */
public final class MonotoneCurve {
  private final double[] xs;
  private final double[] ys;

  /**
   * @param xs knot positions, non-decreasing, finite, at least one
   * @param ys values at the knots, non-decreasing, finite, as many as {@code xs}
   * @throws IllegalArgumentException when the knots are empty, unequal in number, not finite or
   *     decreasing
   */
  @JsonCreator
  public MonotoneCurve(@JsonProperty("xs") double[] xs, @JsonProperty("ys") double[] ys) {
    if (xs.length == 0 || xs.length != ys.length) {
      throw new IllegalArgumentException(
          "a curve needs as many values as knots, and at least one: "
              + xs.length
              + " vs "
              + ys.length);
    }

    for (int i = 0; i < xs.length; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        throw new IllegalArgumentException("knot " + i + " is not finite: " + xs[i] + ", " + ys[i]);
      }

      if (i > 0 && (xs[i] < xs[i - 1] || ys[i] < ys[i - 1])) {
        throw new IllegalArgumentException("knots and values must not decrease (knot " + i + ")");
      }
    }

    this.xs = xs.clone();
    this.ys = ys.clone();
  }

  /** The curve at {@code x}; clipped to the first/last value outside the knots. */
  public double value(double x) {
    if (x <= xs[0]) {
      return ys[0];
    }

    int last = xs.length - 1;
    if (x >= xs[last]) {
      return ys[last];
    }

    int found = Arrays.binarySearch(xs, x);
    if (found >= 0) {
      return ys[found];
    }

    int upper = -found - 1;
    int lower = upper - 1;
    double share = (x - xs[lower]) / (xs[upper] - xs[lower]);
    return ys[lower] + share * (ys[upper] - ys[lower]);
  }

  @JsonProperty
  public double[] xs() {
    return xs.clone();
  }

  @JsonProperty
  public double[] ys() {
    return ys.clone();
  }

  /** Number of knots. */
  public int size() {
    return xs.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MonotoneCurve c && Arrays.equals(xs, c.xs) && Arrays.equals(ys, c.ys);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
  }

  @Override
  public String toString() {
    return "MonotoneCurve[knots=" + xs.length + ", x=" + xs[0] + ".." + xs[xs.length - 1] + "]";
  }
}
