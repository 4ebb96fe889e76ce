package io.micromodels.evaluation.backtest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far each test window has moved from a reference period: the population stability index of
 * every drift variable (the client's numeric model inputs and the production model's score),
 * reference deciles plus a bin for missing values. The usual reading: below 0.1 stable, 0.1 to 0.25
 * moderate, from 0.25 shifted.
 *
 * @param reference what the reference period is, e.g. "the production model's training window
 *     [2025-05-10, 2025-08-08)"
 * @param variables one per drift variable, the score first
 */
public record Drift(String reference, List<Variable> variables) implements Serializable {
  public static final double MODERATE = 0.1;
  public static final double SHIFTED = 0.25;

  /** The variable name of the production model's score. */
  public static final String SCORE = "score";

  public Drift {
    Objects.requireNonNull(reference, "reference");
    variables = List.copyOf(variables);
  }

  /**
   * One variable's index per fold's test window.
   *
   * @param psi fold 1 first; NaN where a side had no rows
   */
  public record Variable(String name, List<Double> psi) implements Serializable {
    public Variable {
      Objects.requireNonNull(name, "name");
      psi = List.copyOf(psi);
    }

    /** The largest index over the folds (NaN folds ignored), or NaN when none is measured. */
    public double max() {
      return psi.stream()
          .filter(v -> !v.isNaN())
          .mapToDouble(Double::doubleValue)
          .max()
          .orElse(Double.NaN);
    }

    public String status() {
      return Drift.status(max());
    }
  }

  /** "stable", "moderate", "shifted", or "-" when not measured. */
  public static String status(double psi) {
    if (Double.isNaN(psi)) {
      return "-";
    }

    return psi >= SHIFTED ? "shifted" : psi >= MODERATE ? "moderate" : "stable";
  }

  /** The score's drift, if the production model was scored. */
  public Optional<Variable> score() {
    return variables.stream().filter(v -> v.name().equals(SCORE)).findFirst();
  }

  /** The input that moved most, if any was measured. */
  public Optional<Variable> worstInput() {
    return variables.stream()
        .filter(v -> !v.name().equals(SCORE) && !Double.isNaN(v.max()))
        .max(Comparator.comparingDouble(Variable::max));
  }

  /** The variables whose largest index is at least {@link #SHIFTED}, worst first. */
  public List<Variable> shifted() {
    List<Variable> out =
        new ArrayList<>(
            variables.stream().filter(v -> !Double.isNaN(v.max()) && v.max() >= SHIFTED).toList());
    out.sort(Comparator.comparingDouble(Variable::max).reversed());
    return out;
  }
}
