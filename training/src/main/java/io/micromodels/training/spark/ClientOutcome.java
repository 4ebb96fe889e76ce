package io.micromodels.training.spark;

import java.io.Serializable;

/**
 * One client's result of a train run: a written model or the reason it failed (one failing client
 * does not stop the others).
 *
 * @param solver {@code liblinear} or {@code mllib}
 * @param model where its {@code model.json} was written, or null when it failed
 * @param message the fallback decision, or the failure
 */
public record ClientOutcome(
    String clientId,
    Status status,
    String solver,
    long rows,
    long fraudLabels,
    boolean fallback,
    String model,
    String message)
    implements Serializable {
  /** Whether the client was trained. */
  public enum Status {
    TRAINED,
    FAILED
  }
}
