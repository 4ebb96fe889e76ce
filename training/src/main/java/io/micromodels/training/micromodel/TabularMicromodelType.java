package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.TabularFeaturizer;
import io.micromodels.training.featurize.TabularFeaturizer.Declared;
import io.micromodels.training.featurize.TabularFeaturizer.Transform;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tabular}: the declared numeric columns, each transformed as its config declares and
 * standardised as fitted on the training rows ({@link TabularFeaturizer}). Inputs: one or more
 * numeric columns (required). Params: {@code transform} (the default of every input: {@code none},
 * {@code standardise}, {@code clip} or {@code log1p}; default {@code clip}), {@code
 * transform.<input column>} (one input's transform) and {@code clip} (default {@value
 * TabularFeaturizer#CLIP_DEFAULT}).
 */
public final class TabularMicromodelType implements MicromodelType {
  public static final String TYPE = "tabular";
  public static final String CLIP = "clip";

  /** The transform of every input without its own. */
  public static final String TRANSFORM = "transform";

  /** Followed by an input column: that input's transform. */
  public static final String TRANSFORM_OF = TRANSFORM + ".";

  private static final double LARGEST_CLIP = 1e6;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TabularFeaturizer featurizer(
      MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params =
        MicromodelParams.of(spec, Set.of(CLIP, TRANSFORM), Set.of(TRANSFORM_OF));
    List<String> inputs = params.requiredInputs();

    for (String key : params.keysWithPrefix(TRANSFORM_OF)) {
      if (!inputs.contains(key.substring(TRANSFORM_OF.length()))) {
        throw params.invalid(
            "param `"
                + key
                + "` names no column of `inputs` "
                + inputs
                + "; expected `"
                + TRANSFORM_OF
                + "<input column>` with one of "
                + Transform.byName().keySet());
      }
    }

    Map<String, Transform> names = Transform.byName();
    Transform fallback = params.choice(TRANSFORM, Transform.DEFAULT, names);
    List<Declared> declared =
        inputs.stream()
            .map(input -> new Declared(input, params.choice(TRANSFORM_OF + input, fallback, names)))
            .toList();
    double clip =
        params.number(CLIP, TabularFeaturizer.CLIP_DEFAULT, Double.MIN_NORMAL, LARGEST_CLIP);
    return TabularFeaturizer.fit(declared, trainingRows, clip);
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return TabularFeaturizer.class;
  }
}
