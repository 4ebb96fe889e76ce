package io.micromodels.features.history;

import java.util.ArrayDeque;

/**
 * Any aggregate over the delayed window {@code [t - d - w, t - d)}: an event reaches the inner
 * aggregate only once it is more than {@code d} old, and the inner window ends at {@code t - d}.
 * Delayed counts and amounts describe an entity's activity of a past period (a terminal's
 * transactions in the week that ended a week ago), which a fraud wave of the last days has not
 * touched yet. An event exactly {@code d} before is still waiting (the window's end is open, as for
 * {@code label_rate}); one exactly {@code d + w} before is in the window.
 */
final class DelayedWindow implements WindowAggregate {
  private final WindowAggregate inner;
  private final long delay;
  private final ArrayDeque<HistoryEvent> waiting = new ArrayDeque<>();

  DelayedWindow(WindowAggregate inner, long delayMicros) {
    this.inner = inner;
    this.delay = delayMicros;
  }

  @Override
  public void advanceTo(long now) {
    while (!waiting.isEmpty() && waiting.peekFirst().time() < now - delay) {
      inner.add(waiting.pollFirst());
    }

    inner.advanceTo(now - delay);
  }

  @Override
  public Double value(HistoryEvent current) {
    return inner.value(current);
  }

  @Override
  public boolean isEmpty() {
    return inner.isEmpty();
  }

  @Override
  public void add(HistoryEvent event) {
    waiting.addLast(event);
  }
}
