package io.micromodels.features.history;

import java.util.ArrayDeque;
import java.util.Set;

/** Events (of some types) in {@code [t - w, t)}. */
final class SlidingCount implements WindowAggregate {
  private final long window;
  private final Set<String> types;
  private final ArrayDeque<Long> times = new ArrayDeque<>();

  SlidingCount(long windowMicros, Set<String> types) {
    this.window = windowMicros;
    this.types = types;
  }

  @Override
  public void advanceTo(long now) {
    while (!times.isEmpty() && times.peekFirst() < now - window) {
      times.pollFirst();
    }
  }

  @Override
  public Double value(HistoryEvent current) {
    return (double) times.size();
  }

  @Override
  public boolean isEmpty() {
    return times.isEmpty();
  }

  @Override
  public void add(HistoryEvent event) {
    if (types.isEmpty() || types.contains(event.eventType())) {
      times.addLast(event.time());
    }
  }
}
