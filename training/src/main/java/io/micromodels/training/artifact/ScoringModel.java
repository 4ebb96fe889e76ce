package io.micromodels.training.artifact;

import io.micromodels.training.calibrate.Calibrator;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.input.OverlayInput;
import java.util.List;
import java.util.Objects;

/**
 * Micromodels, combiner and calibration: everything from a decision event to a fraud
 * probability. A client model holds its own, or the global model's when it falls back.
 */
public record ScoringModel(List<TrainedMicromodel> micromodels, Combiner combiner,
    Calibrator calibration) {
  public ScoringModel {
    micromodels = List.copyOf(micromodels);
    Objects.requireNonNull(combiner, "combiner");
    Objects.requireNonNull(calibration, "calibration");
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
