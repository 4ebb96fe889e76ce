package io.micromodels.features.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid of inverse regularisation strengths C (LIBLINEAR's convention: smaller C, stronger
 * regularisation) searched on the validation slice. Written either as an explicit {@code grid} or
 * as a log-spaced range {@code c_min}, {@code c_max}, {@code steps}.
 */
public record Regularisation(List<Double> grid) implements Serializable {
  public static final String GRID = "grid";
  public static final String C_MIN = "c_min";
  public static final String C_MAX = "c_max";
  public static final String STEPS = "steps";
  public static final List<Double> DEFAULT_GRID = List.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);
  public static final double SMALLEST_C = 1e-6;
  public static final double LARGEST_C = 1e6;
  public static final int MAX_STEPS = 50;

  public Regularisation {
    grid = List.copyOf(grid);
    if (grid.isEmpty() || grid.stream().anyMatch(c -> !(c >= SMALLEST_C && c <= LARGEST_C))) {
      throw new IllegalArgumentException(
          "regularisation grid needs values within " + SMALLEST_C + ".." + LARGEST_C + ": " + grid);
    }
  }

  public static Regularisation defaults() {
    return new Regularisation(DEFAULT_GRID);
  }

  /**
   * {@code steps} values from {@code cMin} to {@code cMax}, evenly spaced on a log scale, both ends
   * included ({@link StrictMath}, so the grid is the same on every machine); {@code steps = 1}
   * needs {@code cMin == cMax}.
   */
  public static Regularisation logSpaced(double cMin, double cMax, int steps) {
    if (!(cMin >= SMALLEST_C && cMin <= cMax && cMax <= LARGEST_C)
        || steps < 1
        || steps > MAX_STEPS
        || steps == 1 && cMin != cMax) {
      throw new IllegalArgumentException(
          "need "
              + SMALLEST_C
              + " <= c_min <= c_max <= "
              + LARGEST_C
              + " and 1 <= steps <= "
              + MAX_STEPS
              + ": "
              + cMin
              + ", "
              + cMax
              + ", "
              + steps);
    }

    List<Double> grid = new ArrayList<>();
    double logMin = StrictMath.log10(cMin);
    double step = steps == 1 ? 0 : (StrictMath.log10(cMax) - logMin) / (steps - 1);
    for (int i = 0; i < steps; i++) {
      grid.add(i == 0 ? cMin : i == steps - 1 ? cMax : StrictMath.pow(10, logMin + i * step));
    }

    return new Regularisation(grid);
  }
}
