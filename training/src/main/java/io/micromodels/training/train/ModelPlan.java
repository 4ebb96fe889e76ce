package io.micromodels.training.train;

import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Regularisation;
import java.util.List;

/**
 * What a scoring model is made of: its micromodels and its combiner's raw features, grid and
 * calibration. A client's plan comes from its config; the global (parent) model's from the global
 * micromodels all clients share.
 */
public record ModelPlan(String name, List<MicromodelSpec> micromodels, ModelSpec model)
    implements java.io.Serializable {
  public static final String GLOBAL = "global";

  public ModelPlan {
    micromodels = List.copyOf(micromodels);
    if (micromodels.isEmpty()) {
      throw new IllegalArgumentException("model " + name + " has no micromodels");
    }
  }

  public static ModelPlan of(ClientConfig config) {
    return new ModelPlan(config.clientId().value(), config.micromodels(), config.model());
  }

  /**
   * The combiner grid of the global model: it weighs a handful of micromodel outputs, so a coarse
   * grid chooses as well as a fine one and saves distributed fits.
   */
  public static final List<Double> GLOBAL_COMBINER_GRID = List.of(0.01, 0.1, 1.0);

  /**
   * The global model: every global micromodel (the same spec wherever it is declared), combined
   * without raw features, Platt-calibrated, probabilities as scores.
   */
  public static ModelPlan global(List<MicromodelSpec> globalMicromodels) {
    ModelSpec defaults = ModelSpec.defaults();
    return new ModelPlan(
        GLOBAL,
        globalMicromodels,
        new ModelSpec(
            List.of(),
            new Regularisation(GLOBAL_COMBINER_GRID),
            defaults.calibration(),
            defaults.scoreMapping()));
  }
}
