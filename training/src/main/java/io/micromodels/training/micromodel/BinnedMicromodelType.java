package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.BinnedFeaturizer;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Set;

/**
 * {@code binned}: the declared numeric columns, each cut into quantile bins fitted on the training
 * rows, with one learned step curve per column ({@link BinnedFeaturizer}). Inputs: one or more
 * numeric columns (required); params {@code bins} (default {@value BinnedFeaturizer#BINS_DEFAULT},
 * 2..256) and {@code smoothness} (default {@value BinnedFeaturizer#SMOOTHNESS_DEFAULT}, 0..10^6).
 */
public final class BinnedMicromodelType implements MicromodelType {
  public static final String TYPE = "binned";
  public static final String BINS = "bins";
  public static final String SMOOTHNESS = "smoothness";
  private static final int MOST_BINS = 256;
  private static final double MOST_SMOOTHNESS = 1e6;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public BinnedFeaturizer featurizer(
      MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params = MicromodelParams.of(spec, Set.of(BINS, SMOOTHNESS));
    List<String> inputs = params.requiredInputs();
    int bins = params.integer(BINS, BinnedFeaturizer.BINS_DEFAULT, 2, MOST_BINS);
    double smoothness =
        params.number(SMOOTHNESS, BinnedFeaturizer.SMOOTHNESS_DEFAULT, 0, MOST_SMOOTHNESS);
    return BinnedFeaturizer.fit(inputs, trainingRows, bins, smoothness);
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return BinnedFeaturizer.class;
  }
}
