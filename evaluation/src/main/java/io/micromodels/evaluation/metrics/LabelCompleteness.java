package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How mature a test window's labels are: the client's historical fraud label delays give an
 * empirical distribution F(d) = share of eventual fraud labels known within d days of the event,
 * and a window evaluated at T is expected to know {@code mean over its events of F(T - event
 * time)} of the fraud labels it will eventually have. Immutable.
 */
public final class LabelCompleteness implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double SECONDS_PER_DAY = 86_400;

  private final double[] sortedDelays;

  private LabelCompleteness(double[] sortedDelays) {
    this.sortedDelays = sortedDelays;
  }

  /**
   * @param delayDays days from event time to label time of historical fraud labels (fractions
   *     allowed); empty when the client has no labelled history
   * @throws IllegalArgumentException on a non-finite delay
   */
  public static LabelCompleteness fromDelays(double[] delayDays) {
    Checks.finite(delayDays, "label delays");
    double[] sorted = delayDays.clone();
    Arrays.sort(sorted);
    return new LabelCompleteness(sorted);
  }

  /** Share of historical delays at most {@code days} (right-continuous); NaN without history. */
  public double cdf(double days) {
    if (sortedDelays.length == 0) {
      return Double.NaN;
    }

    // Number of delays <= days: the first index whose delay exceeds it.
    int low = 0;
    int high = sortedDelays.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sortedDelays[middle] <= days) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return (double) low / sortedDelays.length;
  }

  /**
   * The expected share of the test events' eventual fraud labels that is known at
   * {@code evaluatedAt}: the mean of {@code F(evaluatedAt - eventTime)} in days. An event after
   * {@code evaluatedAt} has a negative age and so, with non-negative history, contributes 0.
   *
   * @return a share in [0, 1], or NaN without history or without test events
   */
  public double completeness(Instant evaluatedAt, List<Instant> testEventTimes) {
    if (sortedDelays.length == 0 || testEventTimes.isEmpty()) {
      return Double.NaN;
    }

    double sum = 0;
    for (Instant eventTime : testEventTimes) {
      Duration age = Duration.between(eventTime, evaluatedAt);
      sum += cdf((age.getSeconds() + age.getNano() / 1e9) / SECONDS_PER_DAY);
    }
    return sum / testEventTimes.size();
  }

  /** Historical delays behind the curve. */
  public int historySize() {
    return sortedDelays.length;
  }
}
