package io.micromodels.features.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One micromodel of a client model.
 *
 * @param name unique within the client
 * @param type registered micromodel type ({@code email}, {@code order_items}, {@code tabular}, ...)
 * @param scope {@code client}: trained on the client's data; {@code global}: trained once on all
 *     clients' data and shared
 * @param inputs the feature or raw columns it reads
 * @param params type-specific settings (e.g. hash buckets)
 */
public record MicromodelSpec(
    String name,
    String type,
    Scope scope,
    List<String> inputs,
    Regularisation regularisation,
    Map<String, String> params) implements Serializable {

  /** Who a micromodel is trained for. */
  public enum Scope {
    CLIENT,
    GLOBAL
  }

  public MicromodelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    inputs = List.copyOf(inputs);
    params = Map.copyOf(params);
  }
}
