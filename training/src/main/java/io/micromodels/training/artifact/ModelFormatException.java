package io.micromodels.training.artifact;

/** A {@code model.json} that cannot be read: not JSON, another format version, or invalid. */
public final class ModelFormatException extends RuntimeException {
  public ModelFormatException(String message) {
    super(message);
  }
}
