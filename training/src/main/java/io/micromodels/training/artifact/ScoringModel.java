package io.micromodels.training.artifact;

import io.micromodels.training.calibrate.Calibrator;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.input.OverlayInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Micromodels, combiner and calibration: everything from a decision event to a fraud probability. A
 * client model holds its own, or the global model's when it falls back.
 */
public record ScoringModel(
    List<TrainedMicromodel> micromodels, Combiner combiner, Calibrator calibration) {
  public ScoringModel {
    micromodels = List.copyOf(micromodels);
    Objects.requireNonNull(combiner, "combiner");
    Objects.requireNonNull(calibration, "calibration");
    checkReferences(micromodels, combiner.inputs().columns());
  }

  /**
   * Every micromodel has its own name and feeds the combiner, and every micromodel column of the
   * combiner names one: a column without its micromodel would be read as missing and scored as its
   * mean, silently changing every score.
   */
  private static void checkReferences(List<TrainedMicromodel> micromodels, List<String> columns) {
    Set<String> produced = new LinkedHashSet<>();
    for (TrainedMicromodel m : micromodels) {
      if (!produced.add(m.column())) {
        throw new IllegalArgumentException("two micromodels are named " + m.name());
      }
    }

    Set<String> consumed = new LinkedHashSet<>();
    for (String column : columns) {
      if (!consumed.add(column)) {
        throw new IllegalArgumentException("the combiner lists input " + column + " twice");
      }
    }

    Set<String> unknown = new LinkedHashSet<>(consumed);
    unknown.removeIf(c -> !c.startsWith(TrainedMicromodel.COLUMN_PREFIX) || produced.contains(c));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the combiner reads "
              + unknown
              + " but there is no such"
              + " micromodel (micromodels: "
              + produced
              + ")");
    }

    Set<String> unused = new LinkedHashSet<>(produced);
    unused.removeAll(consumed);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("micromodels " + unused + " are not combiner inputs");
    }
  }

  /** The row with every micromodel's log-odds added as its combiner column. */
  public ModelInput withMicromodelOutputs(ModelInput row) {
    ModelInput combined = row;
    for (TrainedMicromodel m : micromodels) {
      combined = new OverlayInput(combined, m.column(), m.logOdds(row));
    }

    return combined;
  }

  /** The calibrated fraud probability of a decision event. */
  public double probability(ModelInput row) {
    return calibration.probability(combiner.logOdds(withMicromodelOutputs(row)));
  }
}
