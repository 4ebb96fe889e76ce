package io.micromodels.training.train;

import io.micromodels.features.MicromodelsException;

/** A client that cannot be trained as configured (too little data in its window, ...). */
public final class TrainingException extends MicromodelsException {
  public TrainingException(String message) {
    super(message);
  }
}
