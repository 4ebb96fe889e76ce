package io.micromodels.features.history;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Distinct non-null values of a column among the events in {@code [t - w, t)}. */
final class SlidingDistinct implements WindowAggregate {
  private final long window;
  private final Set<String> types;
  private final String column;
  private final ArrayDeque<Object[]> entries = new ArrayDeque<>();
  private final Map<String, Integer> counts = new HashMap<>();

  SlidingDistinct(long windowMicros, Set<String> types, String column) {
    this.window = windowMicros;
    this.types = types;
    this.column = column;
  }

  @Override
  public void advanceTo(long now) {
    while (!entries.isEmpty() && (long) entries.peekFirst()[0] < now - window) {
      String value = (String) entries.pollFirst()[1];
      counts.computeIfPresent(value, (k, c) -> c == 1 ? null : c - 1);
    }
  }

  @Override
  public Double value(HistoryEvent current) {
    return (double) counts.size();
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public void add(HistoryEvent event) {
    String value = event.values().get(column);
    if (value == null || !(types.isEmpty() || types.contains(event.eventType()))) {
      return;
    }

    entries.addLast(new Object[] {event.time(), value});
    counts.merge(value, 1, Integer::sum);
  }
}
