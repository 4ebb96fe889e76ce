package io.micromodels.evaluation.backtest;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One test window and the model it tests (DESIGN.md §4, Backtest): the model is trained as of
 * {@code cutoff} on decision events in {@code [trainStart, trainEnd)} with the labels known at the
 * cut-off, and tested on {@code [testStart, testEnd)} with the labels known at the evaluation date.
 * In a walk-forward fold the cut-off is the test start; in the nightly's holdout of trained
 * artifacts it is the artifact's as-of, later than the test start, but no test event is ever inside
 * the training window.
 *
 * @param index 1 for the oldest fold
 */
public record Fold(
    int index,
    Instant trainStart,
    Instant trainEnd,
    Instant cutoff,
    Instant testStart,
    Instant testEnd)
    implements Serializable {
  public Fold {
    if (!trainStart.isBefore(trainEnd)
        || trainEnd.isAfter(cutoff)
        || trainEnd.isAfter(testStart)
        || !testStart.isBefore(testEnd)) {
      throw new IllegalArgumentException(
          "fold "
              + index
              + " needs trainStart < trainEnd <= "
              + "testStart < testEnd and trainEnd <= cutoff: "
              + trainStart
              + ", "
              + trainEnd
              + ", "
              + cutoff
              + ", "
              + testStart
              + ", "
              + testEnd);
    }
  }

  public boolean tests(Instant eventTime) {
    return !eventTime.isBefore(testStart) && eventTime.isBefore(testEnd);
  }

  public boolean trainsOn(Instant eventTime) {
    return !eventTime.isBefore(trainStart) && eventTime.isBefore(trainEnd);
  }

  /** The gap between the last training event and the first test event: at least the label delay. */
  public Duration gap() {
    return Duration.between(trainEnd, testStart);
  }
}
