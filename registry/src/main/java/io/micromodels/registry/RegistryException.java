package io.micromodels.registry;

import io.micromodels.features.MicromodelsException;

/** A user-facing registry failure: unknown version, a transition not allowed, a bad artifact. */
public class RegistryException extends MicromodelsException {
  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
