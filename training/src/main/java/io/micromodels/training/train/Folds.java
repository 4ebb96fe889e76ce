package io.micromodels.training.train;

/**
 * Out-of-fold groups for stacking. Rows are grouped by customer, so no customer's other orders
 * inform the micromodel output the combiner learns from for that customer (a customer's orders
 * share email, items habits and labels under customer scope).
 */
public final class Folds {
  /** Folds of the stacking step. */
  public static final int COUNT = 4;

  private Folds() {}

  /** The fold of a customer (or of the event when the customer is unknown); stable across JVMs. */
  public static int of(String customerId, String eventId) {
    String key = customerId != null ? customerId : eventId;
    return Math.floorMod(key.hashCode() * 0x9E3779B1, COUNT);
  }
}
