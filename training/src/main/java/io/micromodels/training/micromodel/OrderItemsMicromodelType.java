package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.OrderItemsFeaturizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Set;

/**
 * {@code order_items}: the basket's words, word pairs and categories ({@link
 * OrderItemsFeaturizer}). Inputs: two list columns, names then categories (default {@code
 * item_names}, {@code item_categories}); params {@code buckets}, {@code seed}. Stateless.
 */
public final class OrderItemsMicromodelType implements MicromodelType {
  public static final String TYPE = "order_items";
  private static final Set<String> PARAMS = Set.of(MicromodelParams.BUCKETS, MicromodelParams.SEED);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public OrderItemsFeaturizer featurizer(
      MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params = MicromodelParams.of(spec, PARAMS);
    List<String> inputs =
        params.inputs(
            List.of(OrderItemsFeaturizer.NAMES_DEFAULT, OrderItemsFeaturizer.CATEGORIES_DEFAULT));
    return new OrderItemsFeaturizer(
        inputs.get(0), inputs.get(1), params.hashing(OrderItemsFeaturizer.BUCKETS_DEFAULT));
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return OrderItemsFeaturizer.class;
  }
}
