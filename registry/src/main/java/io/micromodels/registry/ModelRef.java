package io.micromodels.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A client's registered model: the pair a version number counts within. Both parts become path
 * segments, so both follow the client-id pattern of DESIGN.md §3.1.
 *
 * @param client the client id
 * @param model the model name within the client ({@link #DEFAULT_MODEL} unless a client has
 *     several)
 */
public record ModelRef(String client, String model) {
  public static final String DEFAULT_MODEL = "fraud";
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public ModelRef {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(model, "model");
    if (!SEGMENT.matcher(client).matches()) {
      throw new IllegalArgumentException("client id '" + client + "' must match " + SEGMENT);
    }

    if (!SEGMENT.matcher(model).matches()) {
      throw new IllegalArgumentException("model name '" + model + "' must match " + SEGMENT);
    }
  }

  public static ModelRef of(String client) {
    return new ModelRef(client, DEFAULT_MODEL);
  }

  /**
   * The name a registry such as MLflow's knows the model by: {@code micromodels.<client>.<model>}.
   */
  public String registeredName() {
    return "micromodels." + client + "." + model;
  }

  @Override
  public String toString() {
    return client + "/" + model;
  }
}
