package io.micromodels.training.train;

/** A client that cannot be trained as configured (too little data in its window, ...). */
public final class TrainingException extends RuntimeException {
  public TrainingException(String message) {
    super(message);
  }
}
