package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelKind;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;

/**
 * A kind of micromodel ({@code email}, {@code order_items}, {@code tabular}, ...): how its
 * featurizer is fitted from a config spec and training rows. Every type's model is a strongly
 * regularised logistic regression over its featurizer's vectors, so a new type only supplies a
 * featurizer. Register an implementation (public, with a public no-argument constructor) with one
 * line in {@code META-INF/services/io.micromodels.features.config.MicromodelKind}: that one file
 * makes the type known both to {@link MicromodelTypes} and to the client config loader in the
 * features module (docs/micromodels.md).
 */
public interface MicromodelType extends MicromodelKind {
  /** The name used in client configs' {@code type:} and in {@code model.json}. */
  @Override
  String type();

  /**
   * The featurizer for a spec, with any data-dependent state (e.g. standardisation) fitted on the
   * training rows given; stateless featurizers ignore the rows.
   */
  Featurizer featurizer(MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows);

  /** The featurizer's class, for reading it back from {@code model.json}. */
  Class<? extends Featurizer> featurizerClass();

  /**
   * Checks a spec when its client config is loaded by building its featurizer without training
   * rows, so a bad param fails before any Spark work rather than inside a training task.
   *
   * @throws io.micromodels.features.ConfigException from {@link MicromodelParams}
   */
  @Override
  default void check(MicromodelSpec spec) {
    featurizer(spec, List.of());
  }
}
