package io.micromodels.features.history;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Share of the entity's decision events in {@code [t - d - w, t - d)} whose fraud label was known
 * before {@code t}: a risk rate that only uses labels that existed at the time (DESIGN.md §3.3).
 * Null when the window holds no decision event.
 */
final class DelayedLabelRate implements WindowAggregate {
  private final long window;
  private final long delay;

  /** Decision events added but not yet old enough (time >= now - d). */
  private final ArrayDeque<long[]> waiting = new ArrayDeque<>();

  /** Decision events in the window: {time, labelTime or MAX, known 0/1}. */
  private final ArrayDeque<long[]> inWindow = new ArrayDeque<>();

  /** In-window events whose label is not known yet, by label time. */
  private final PriorityQueue<long[]> pending =
      new PriorityQueue<>((a, b) -> Long.compare(a[1], b[1]));

  private long known;

  DelayedLabelRate(long windowMicros, long delayMicros) {
    this.window = windowMicros;
    this.delay = delayMicros;
  }

  @Override
  public void advanceTo(long now) {
    while (!waiting.isEmpty() && waiting.peekFirst()[0] < now - delay) {
      long[] entry = waiting.pollFirst();
      inWindow.addLast(entry);
      if (entry[1] != Long.MAX_VALUE) {
        pending.add(entry);
      }
    }

    while (!inWindow.isEmpty() && inWindow.peekFirst()[0] < now - delay - window) {
      long[] gone = inWindow.pollFirst();
      if (gone[2] == 1) {
        known--;
      } else {
        gone[2] = -1; // left the window while pending: ignore when it surfaces
      }
    }

    while (!pending.isEmpty() && pending.peek()[1] < now) {
      long[] entry = pending.poll();
      if (entry[2] == 0) {
        entry[2] = 1;
        known++;
      }
    }
  }

  @Override
  public Double value(HistoryEvent current) {
    return inWindow.isEmpty() ? null : known / (double) inWindow.size();
  }

  @Override
  public boolean isEmpty() {
    return inWindow.isEmpty();
  }

  @Override
  public void add(HistoryEvent event) {
    if (event.decision()) {
      long labelTime = event.fraudLabelTime() == null ? Long.MAX_VALUE : event.fraudLabelTime();
      waiting.addLast(new long[] {event.time(), labelTime, 0});
    }
  }
}
