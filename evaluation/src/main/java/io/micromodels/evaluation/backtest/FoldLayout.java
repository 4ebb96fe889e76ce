package io.micromodels.evaluation.backtest;

import io.micromodels.features.AsOf;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.TrainingSummary;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folds of a client's walk-forward backtest. The test windows are {@code folds} back-to-back
 * periods of {@code testDays} whole UTC days ending with the last whole day before the evaluation
 * date, oldest first; fold k trains on {@code [t - trainDays - labelDelay, t - labelDelay)} as of
 * its cut-off t. Every test event is therefore at least {@code labelDelay} after the last event its
 * model trained on, and none is inside a training window of its own fold. The most recent folds
 * have the least mature labels: {@code label_completeness} says how much (a gate can refuse a
 * window that is too immature).
 *
 * @param evaluatedAt labels are as known at this moment
 */
public record FoldLayout(
    Instant evaluatedAt, int trainDays, int labelDelayDays, int testDays, List<Fold> folds)
    implements Serializable {
  public FoldLayout {
    folds = List.copyOf(folds);
  }

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public static FoldLayout of(
      Instant evaluatedAt, int folds, int trainDays, int labelDelayDays, int testDays) {
    return of(evaluatedAt, evaluatedAt, folds, trainDays, labelDelayDays, testDays);
  }

  /**
   * Folds whose last test window ends with {@code windowsAsOf}'s day, evaluated with labels as
   * known at {@code evaluatedAt} (at or after it).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static FoldLayout of(
      Instant windowsAsOf,
      Instant evaluatedAt,
      int folds,
      int trainDays,
      int labelDelayDays,
      int testDays) {
    require(
        !windowsAsOf.isAfter(evaluatedAt),
        "labels as of "
            + AsOf.format(evaluatedAt)
            + " are before the test windows' as-of "
            + AsOf.format(windowsAsOf));
    require(folds >= 1, "folds must be at least 1: " + folds);
    require(trainDays >= 1, "train days must be at least 1: " + trainDays);
    require(labelDelayDays >= 0, "label delay must not be negative: " + labelDelayDays);
    require(testDays >= 1, "test days must be at least 1: " + testDays);
    Instant end = windowsEnd(windowsAsOf);
    List<Fold> layout = new ArrayList<>();
    for (int k = 1; k <= folds; k++) {
      Instant testStart = end.minus(Duration.ofDays((long) (folds - k + 1) * testDays));
      Instant trainEnd = testStart.minus(Duration.ofDays(labelDelayDays));
      layout.add(
          new Fold(
              k,
              trainEnd.minus(Duration.ofDays(trainDays)),
              trainEnd,
              testStart,
              testStart,
              testStart.plus(Duration.ofDays(testDays))));
    }

    return new FoldLayout(evaluatedAt, trainDays, labelDelayDays, testDays, layout);
  }

  /**
   * The nightly's layout: one window that tests already trained models as they are, the candidate
   * and the champion, on what neither trained on: from the later end of their training windows to
   * the end of the evaluation's last whole day, labels as known at the evaluation. With a label
   * delay of L days that is the last L days, where labels are immature but the same for both
   * models.
   *
   * @param champion null without one
   * @throws IllegalArgumentException when the candidate knows labels after the evaluation or no
   *     decision event is left that the models did not train on
   */
  public static FoldLayout holdout(
      Instant evaluatedAt,
      ClientModel candidate,
      ClientModel champion,
      int trainDays,
      int labelDelayDays) {
    TrainingSummary trained = candidate.training();
    require(
        !candidate.asOf().isAfter(evaluatedAt),
        "the candidate of "
            + candidate.clientId()
            + " was trained as of "
            + candidate.asOf()
            + ", after the evaluation at "
            + evaluatedAt);
    Instant unseenFrom =
        champion == null
            ? trained.windowEnd()
            : java.util.Collections.max(
                List.of(trained.windowEnd(), champion.training().windowEnd()));
    Instant end = windowsEnd(evaluatedAt);
    require(
        unseenFrom.isBefore(end),
        "no decision event of "
            + candidate.clientId()
            + " is left"
            + " that its models did not train on: their training windows end at "
            + unseenFrom
            + ", the test window at "
            + end);
    int testDays = (int) Duration.between(unseenFrom, end).plusDays(1).minusNanos(1).toDays();
    Fold fold =
        new Fold(1, trained.windowStart(), trained.windowEnd(), candidate.asOf(), unseenFrom, end);
    return new FoldLayout(evaluatedAt, trainDays, labelDelayDays, testDays, List.of(fold));
  }

  /**
   * Why a model trained up to {@code trainEnd} cannot be compared on these test windows (it trained
   * on some of their events), or empty when it can.
   */
  public Optional<String> inSample(String model, Instant trainEnd) {
    if (!trainEnd.isAfter(testStart())) {
      return Optional.empty();
    }

    return Optional.of(
        "the "
            + model
            + " trained on decision events up to "
            + trainEnd
            + ", after the test windows start ("
            + testStart()
            + "): compared on them it would be"
            + " scored in-sample; choose an older model or a later --as-of");
  }

  /**
   * Test windows end at the start of the evaluation's day, or at the evaluation itself when it is
   * the last microsecond of a day (an as-of date means the end of that day).
   */
  private static Instant windowsEnd(Instant evaluatedAt) {
    return evaluatedAt.plusNanos(1000).truncatedTo(ChronoUnit.DAYS);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The fold whose test window holds the event, if any. */
  public Optional<Fold> testing(Instant eventTime) {
    return folds.stream().filter(f -> f.tests(eventTime)).findFirst();
  }

  public Instant firstTrainStart() {
    return folds.get(0).trainStart();
  }

  public Instant testStart() {
    return folds.get(0).testStart();
  }

  public Instant testEnd() {
    return folds.get(folds.size() - 1).testEnd();
  }

  /** One line per fold, for the terminal and the report. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Fold f : folds) {
      lines.add(
          String.format(
              "fold %d: train %s with labels as of its cut-off %s, test %s with"
                  + " labels as of %s",
              f.index(),
              AsOf.window(f.trainStart(), f.trainEnd()),
              AsOf.format(f.cutoff()),
              AsOf.window(f.testStart(), f.testEnd()),
              AsOf.format(evaluatedAt)));
    }

    return lines;
  }
}
