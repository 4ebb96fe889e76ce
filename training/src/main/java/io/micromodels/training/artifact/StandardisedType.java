package io.micromodels.training.artifact;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.micromodel.MicromodelType;

/**
 * Micromodel type {@code standardised}: declared numeric columns, standardised (the combiner's).
 */
public final class StandardisedType implements MicromodelType {
  public static final String TYPE = "standardised";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Featurizer featurizer(MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    return Standardiser.fit(spec.inputs(), trainingRows);
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return Standardiser.class;
  }
}
