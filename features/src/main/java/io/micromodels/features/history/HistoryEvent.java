package io.micromodels.features.history;

import java.util.Map;
import java.util.Objects;

/**
 * One event in an entity's history, reduced to what aggregates read. Times are epoch microseconds
 * (Spark's timestamp precision).
 *
 * @param decision whether it is one of the client's decision events
 * @param amount the event's amount, or null
 * @param values the columns that distinct-count aggregates read (column to value; absent = null)
 * @param fraudLabelTime when its fraud label became known (as of the dataset's as-of), or null
 */
public record HistoryEvent(
    long time,
    String eventId,
    String eventType,
    boolean decision,
    Double amount,
    Map<String, String> values,
    Long fraudLabelTime) {

  public HistoryEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    values = Map.copyOf(values);
  }

  /** Total order of a history: time, then event id (ties at one microsecond). */
  public boolean isBefore(HistoryEvent other) {
    return time < other.time || time == other.time && eventId.compareTo(other.eventId) < 0;
  }
}
