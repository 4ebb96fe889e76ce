package io.micromodels.features.config;

import io.micromodels.features.ConfigException;

/**
 * A micromodel type name that client configs may use in {@code micromodels[].type}. The training
 * module's {@code MicromodelType} extends this interface, so a type registered there (one line in
 * {@code META-INF/services/io.micromodels.features.config.MicromodelKind}) is accepted by the
 * config loader without editing this module. Without any registration (the features module alone)
 * the built-in names {@code email}, {@code order_items}, {@code tabular} and {@code binned} are
 * accepted.
 */
public interface MicromodelKind {
  /** The name used in client configs' {@code type:} and in {@code model.json}. */
  String type();

  /**
   * Checks a spec's inputs and params when its config is loaded, before any Spark work; a kind
   * without such rules accepts every spec.
   *
   * @throws ConfigException naming the micromodel, the key and what is expected
   */
  default void check(MicromodelSpec spec) {}
}
