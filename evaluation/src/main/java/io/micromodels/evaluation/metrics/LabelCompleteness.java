package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How mature a test window's labels are: the client's historical fraud label delays give an
 * empirical distribution F(d) = share of eventual fraud labels known within d days of the event,
 * and a window evaluated at T is expected to know {@code mean over its events of F(T - event time)}
 * of the fraud labels it will eventually have. Immutable.
 */
public final class LabelCompleteness implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double SECONDS_PER_DAY = 86_400;

  /** A client without labelled history: every completeness is NaN. */
  public static final LabelCompleteness NO_HISTORY =
      new LabelCompleteness(new double[0], new long[0]);

  private final double[] delays;
  private final long[] atMost;

  /** Distinct delays, increasing, and how many historical labels came within each. */
  private LabelCompleteness(double[] delays, long[] atMost) {
    this.delays = delays;
    this.atMost = atMost;
  }

  /**
   * @param delayDays days from event time to label time of historical fraud labels (fractions
   *     allowed); empty when the client has no labelled history
   * @throws IllegalArgumentException on a non-finite delay
   */
  public static LabelCompleteness fromDelays(double[] delayDays) {
    long[] ones = new long[delayDays.length];
    Arrays.fill(ones, 1);
    return fromCounts(delayDays, ones);
  }

  /**
   * The curve from a histogram of delays, as the backtest's tasks summarise them: {@code counts[i]}
   * labels came {@code delayDays[i]} days after their event.
   *
   * @throws IllegalArgumentException on a non-finite delay, a negative count or unequal lengths
   */
  public static LabelCompleteness fromCounts(double[] delayDays, long[] counts) {
    Checks.finite(delayDays, "label delays");
    if (delayDays.length != counts.length) {
      throw new IllegalArgumentException(
          "label delays: " + delayDays.length + " delays but " + counts.length + " counts");
    }

    TreeMap<Double, Long> byDelay = new TreeMap<>();
    for (int i = 0; i < delayDays.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("label delays: negative count " + counts[i]);
      }
      byDelay.merge(delayDays[i], counts[i], Long::sum);
    }

    double[] delays = new double[byDelay.size()];
    long[] atMost = new long[byDelay.size()];
    long total = 0;
    int i = 0;
    for (Map.Entry<Double, Long> e : byDelay.entrySet()) {
      total += e.getValue();
      delays[i] = e.getKey();
      atMost[i++] = total;
    }
    return new LabelCompleteness(delays, atMost);
  }

  /** Share of historical delays at most {@code days} (right-continuous); NaN without history. */
  public double cdf(double days) {
    long total = historySize();
    if (total == 0) {
      return Double.NaN;
    }

    // Labels within days: those of the last distinct delay not exceeding it.
    int low = 0;
    int high = delays.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (delays[middle] <= days) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == 0 ? 0 : (double) atMost[low - 1] / total;
  }

  /**
   * The expected share of the test events' eventual fraud labels that is known at {@code
   * evaluatedAt}: the mean of {@code F(evaluatedAt - eventTime)} in days. An event after {@code
   * evaluatedAt} has a negative age and so, with non-negative history, contributes 0.
   *
   * @return a share in [0, 1], or NaN without history or without test events
   */
  public double completeness(Instant evaluatedAt, List<Instant> testEventTimes) {
    if (historySize() == 0 || testEventTimes.isEmpty()) {
      return Double.NaN;
    }

    double sum = 0;
    for (Instant eventTime : testEventTimes) {
      sum += known(evaluatedAt, eventTime);
    }
    return sum / testEventTimes.size();
  }

  /**
   * One event's term of {@link #completeness}: {@code F(evaluatedAt - eventTime)}, NaN without
   * history. A window's completeness is the mean of its events' terms, so it can be summed as the
   * events pass.
   */
  public double known(Instant evaluatedAt, Instant eventTime) {
    Duration age = Duration.between(eventTime, evaluatedAt);
    return cdf((age.getSeconds() + age.getNano() / 1e9) / SECONDS_PER_DAY);
  }

  /** Historical labels behind the curve. */
  public long historySize() {
    return atMost.length == 0 ? 0 : atMost[atMost.length - 1];
  }
}
