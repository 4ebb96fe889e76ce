package io.micromodels.training.artifact;

import io.micromodels.features.MicromodelsException;

/** A {@code model.json} that cannot be read: not JSON, another format version, or invalid. */
public final class ModelFormatException extends MicromodelsException {
  public ModelFormatException(String message) {
    super(message);
  }
}
