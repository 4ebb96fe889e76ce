package io.micromodels.training.train;

import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.input.ModelInput;
import java.util.List;

/**
 * A micromodel's out-of-fold outputs: one model per fold, each fitted without that fold's rows. A
 * row's value is the log-odds of the model that never saw it, so the combiner learns from outputs
 * that did not see the row's own label.
 *
 * @param micromodel the final micromodel (its featurizer and column name)
 * @param foldModels model {@code k} was fitted on every fold but {@code k}
 */
public record OutOfFold(TrainedMicromodel micromodel, List<LogisticModel> foldModels) {
  public OutOfFold {
    foldModels = List.copyOf(foldModels);
    if (foldModels.size() != Folds.COUNT) {
      throw new IllegalArgumentException(
          "need " + Folds.COUNT + " fold models, got " + foldModels.size());
    }
  }

  public String column() {
    return micromodel.column();
  }

  public double value(ModelInput row, int fold) {
    return foldModels.get(fold).logOdds(micromodel.featurizer().featurize(row));
  }
}
