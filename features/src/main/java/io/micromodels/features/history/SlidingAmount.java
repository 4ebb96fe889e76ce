package io.micromodels.features.history;

import io.micromodels.features.config.Aggregate;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Sum, mean, maximum of {@code amount} in {@code [t - w, t)}, and the current amount's ratio to
 * that mean. The maximum uses a monotonic deque, so every operation is amortised O(1) and a hot
 * entity (a device shared by thousands of accounts) stays linear in its events.
 */
final class SlidingAmount implements WindowAggregate {
  private final long window;
  private final Set<String> types;
  private final Aggregate aggregate;
  private final ArrayDeque<long[]> entries = new ArrayDeque<>();
  private final ArrayDeque<double[]> maxima = new ArrayDeque<>();
  private double sum;
  private long sequence;
  private long evicted;

  SlidingAmount(long windowMicros, Set<String> types, Aggregate aggregate) {
    this.window = windowMicros;
    this.types = types;
    this.aggregate = aggregate;
  }

  @Override
  public void advanceTo(long now) {
    while (!entries.isEmpty() && entries.peekFirst()[0] < now - window) {
      long[] oldest = entries.pollFirst();
      sum -= Double.longBitsToDouble(oldest[1]);
      evicted = oldest[2] + 1;
      while (!maxima.isEmpty() && maxima.peekFirst()[1] < evicted) {
        maxima.pollFirst();
      }
    }

    if (entries.isEmpty()) {
      sum = 0; // no drift from repeated floating-point subtraction
    }
  }

  @Override
  public Double value(HistoryEvent current) {
    int n = entries.size();
    return switch (aggregate) {
      case SUM -> sum;
      case AVG -> n == 0 ? null : sum / n;
      case MAX -> maxima.isEmpty() ? null : maxima.peekFirst()[0];
      case AMOUNT_RATIO ->
          n == 0 || sum == 0 || current.amount() == null ? null : current.amount() / (sum / n);
      default -> throw new IllegalStateException("not an amount aggregate: " + aggregate);
    };
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public void add(HistoryEvent event) {
    if (event.amount() == null || !(types.isEmpty() || types.contains(event.eventType()))) {
      return;
    }

    double amount = event.amount();
    entries.addLast(new long[] {event.time(), Double.doubleToLongBits(amount), sequence});
    sum += amount;
    while (!maxima.isEmpty() && maxima.peekLast()[0] <= amount) {
      maxima.pollLast();
    }

    maxima.addLast(new double[] {amount, sequence});
    sequence++;
  }
}
