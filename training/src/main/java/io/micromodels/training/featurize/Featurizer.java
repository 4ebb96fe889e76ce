package io.micromodels.training.featurize;

import io.micromodels.training.input.ModelInput;

/**
 * Turns one decision event into a micromodel's feature vector. Plain Java, deterministic and
 * immutable once fitted: the same instance runs in training, backtests and the live scorer, and it
 * is written into {@code model.json} with Jackson (implementations are records or Jackson beans,
 * registered under their micromodel type name by {@code MicromodelTypes}).
 */
public interface Featurizer {
  /** The feature vector of a row; indices lie in {@code [0, dimension())}. */
  SparseVector featurize(ModelInput row);

  /** The number of feature indices (hash buckets plus dense features). */
  int dimension();
}
