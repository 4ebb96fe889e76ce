package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.TabularFeaturizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Set;

/**
 * {@code tabular}: the declared numeric columns, transformed and standardised as fitted on the
 * training rows ({@link TabularFeaturizer}). Inputs: one or more numeric columns (required); param
 * {@code clip} (default {@value TabularFeaturizer#CLIP_DEFAULT}).
 */
public final class TabularMicromodelType implements MicromodelType {
  public static final String TYPE = "tabular";
  public static final String CLIP = "clip";
  private static final double LARGEST_CLIP = 1e6;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TabularFeaturizer featurizer(MicromodelSpec spec,
      Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params = MicromodelParams.of(spec, Set.of(CLIP));
    List<String> inputs = params.requiredInputs();
    double clip = params.number(CLIP, TabularFeaturizer.CLIP_DEFAULT, Double.MIN_NORMAL,
        LARGEST_CLIP);
    return TabularFeaturizer.fit(inputs, trainingRows, clip);
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return TabularFeaturizer.class;
  }
}
