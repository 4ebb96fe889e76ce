package io.micromodels.training.micromodel;

import io.micromodels.training.featurize.FeatureHasher;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.HashingSpec;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.featurize.SparseVectorBuilder;
import io.micromodels.training.input.ModelInput;

/**
 * The worked example of docs/micromodels.md: the first 1..{@code prefixes} characters of a device
 * id, hashed (device ids from one emulator farm share a prefix).
 *
 * @param column the device id column
 * @param hashing the token hashing
 * @param prefixes the longest prefix
 */
public record DevicePrefixFeaturizer(String column, HashingSpec hashing, int prefixes)
    implements Featurizer {
  @Override
  public SparseVector featurize(ModelInput row) {
    SparseVectorBuilder vector = new SparseVectorBuilder();
    String id = row.text(column);
    if (id == null) {
      return vector.build();
    }

    FeatureHasher hasher = new FeatureHasher(hashing, vector);
    for (int length = 1; length <= Math.min(prefixes, id.length()); length++) {
      hasher.add("p:", id, 0, length, 1);
    }

    return vector.build();
  }

  @Override
  public int dimension() {
    return hashing.buckets();
  }
}
