package io.micromodels.features.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One micromodel of a client model.
 *
 * @param name unique within the client
 * @param type registered micromodel type ({@code email}, {@code order_items}, {@code tabular},
 *     {@code binned}, ...)
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
    Map<String, String> params)
    implements Serializable {
  /** The built-in types whose inputs are numeric columns, each required to be declared. */
  public static final Set<String> NUMERIC_TYPES = Set.of("tabular", "binned");

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

  /** Whether this micromodel reads declared numeric columns (drift is measured on them). */
  public boolean readsNumericColumns() {
    return NUMERIC_TYPES.contains(type);
  }
}
