package io.micromodels.training.artifact;

import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.RegularisationPath;
import io.micromodels.training.input.ModelInput;
import java.util.Objects;

/**
 * The stacking logistic regression over the micromodels' log-odds (columns {@code
 * micromodel.<name>}) and a few raw features, standardised. It was fitted on out-of-fold micromodel
 * outputs only, so no micromodel output that saw a row's own label trained it.
 */
public record Combiner(
    Standardiser inputs, LogisticModel model, RegularisationPath regularisation) {
  public Combiner {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(model, "model");
    if (model.dimension() != inputs.columns().size()) {
      throw new IllegalArgumentException(
          "combiner model has "
              + model.dimension()
              + " weights for "
              + inputs.columns().size()
              + " inputs");
    }
  }

  /** The dense design vector of a row that carries the micromodel columns. */
  public static SparseVector vector(double[] standardised) {
    int[] indices = new int[standardised.length];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
    }

    return new SparseVector(indices, standardised);
  }

  /** Each input's additive share of the log-odds: weight times standardised value. */
  public double[] contributions(ModelInput row) {
    double[] z = inputs.standardise(row);
    for (int j = 0; j < z.length; j++) {
      z[j] *= model.weight(j);
    }

    return z;
  }

  public double logOdds(ModelInput row) {
    return model.logOdds(inputs.featurize(row));
  }
}
