package io.micromodels.features.config;

import java.util.List;

/**
 * The grid of inverse regularisation strengths C (LIBLINEAR's convention: smaller C, stronger
 * regularisation) searched on the validation slice.
 */
public record Regularisation(List<Double> grid) {
  public static final List<Double> DEFAULT_GRID = List.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);

  public Regularisation {
    grid = List.copyOf(grid);
    if (grid.isEmpty() || grid.stream().anyMatch(c -> !(c > 0))) {
      throw new IllegalArgumentException("regularisation grid needs positive values: " + grid);
    }
  }

  public static Regularisation defaults() {
    return new Regularisation(DEFAULT_GRID);
  }
}
