package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Set;

/** A type that only tests register, as docs/micromodels.md shows a new type is added. */
public final class DevicePrefixMicromodelType implements MicromodelType {
  @Override
  public String type() {
    return "device_prefix";
  }

  @Override
  public Featurizer featurizer(MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params = MicromodelParams.of(spec, Set.of("buckets", "seed", "prefixes"));
    return new DevicePrefixFeaturizer(
        params.inputs(List.of("device_id")).get(0),
        params.hashing(1 << 10),
        params.integer("prefixes", 4, 1, 16));
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return DevicePrefixFeaturizer.class;
  }
}
