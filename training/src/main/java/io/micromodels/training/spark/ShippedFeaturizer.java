package io.micromodels.training.spark;

import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.micromodel.MicromodelTypes;
import java.io.Serializable;

/**
 * A featurizer as it travels to executors: its type and its JSON state (specs, not objects),
 * rebuilt once per partition.
 */
record ShippedFeaturizer(String type, String json) implements Serializable {
  static ShippedFeaturizer of(String type, Featurizer featurizer) {
    return new ShippedFeaturizer(type, ModelFormat.render(featurizer));
  }

  Featurizer featurizer() {
    return ModelFormat.parse(json, MicromodelTypes.of(type).featurizerClass());
  }
}
