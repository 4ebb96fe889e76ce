package io.micromodels.evaluation.metrics;

import java.io.Serializable;

/** Points of a curve for the report's plots, x and y of equal length. */
public record Curve(String name, double[] x, double[] y) implements Serializable {
  public Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y differ in length: " + x.length + " vs " + y.length);
    }

    x = x.clone();
    y = y.clone();
  }
}
