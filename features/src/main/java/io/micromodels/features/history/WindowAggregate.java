package io.micromodels.features.history;

/**
 * The running state of one feature over one window of one entity's history. Events arrive in
 * history order; {@link #value} is asked for a decision event before that event is added, so it
 * only ever sees the past.
 */
interface WindowAggregate {
  /** Drops what fell out of the window ending at {@code now} (epoch microseconds). */
  void advanceTo(long now);

  /** The feature value for {@code current}, from the events added so far; null when undefined. */
  Double value(HistoryEvent current);

  /**
   * Whether the window holds no event this aggregate reads (of its types, with the value it reads);
   * the feature then takes its configured empty value instead of {@link #value}.
   */
  boolean isEmpty();

  /** Adds an event that is now in the past. */
  void add(HistoryEvent event);
}
