package io.micromodels.evaluation.metrics;

import io.micromodels.training.policy.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Block rate, review rate, fraud caught and false-positive rate of one model's actions (the
 * candidate's, the champion's or the live system's, chosen by {@code which}).
 *
 * <p>Events for which {@code which} returns null (e.g. no champion, no live score) are left out.
 */
public final class PolicyMetrics {
  private PolicyMetrics() {}

  /** The outcome over all events. */
  public static PolicyOutcome of(List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which) {
    Tally tally = new Tally();
    for (ScoredEvent event : events) {
      Prediction prediction = which.apply(event);
      if (prediction != null) {
        tally.add(event, prediction.action());
      }
    }
    return tally.outcome();
  }

  /** The outcome overall, per region and per segment, in one pass. */
  public static PolicyBreakdown byGroup(List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which) {
    Tally overall = new Tally();
    Map<String, Tally> regions = new HashMap<>();
    Map<String, Tally> segments = new HashMap<>();
    for (ScoredEvent event : events) {
      Prediction prediction = which.apply(event);
      if (prediction == null) {
        continue;
      }

      Action action = prediction.action();
      overall.add(event, action);
      regions.computeIfAbsent(event.region(), r -> new Tally()).add(event, action);
      for (String segment : event.segments()) {
        segments.computeIfAbsent(segment, s -> new Tally()).add(event, action);
      }
    }
    return new PolicyBreakdown(overall.outcome(), outcomes(regions), outcomes(segments));
  }

  private static SortedMap<String, PolicyOutcome> outcomes(Map<String, Tally> tallies) {
    SortedMap<String, PolicyOutcome> outcomes = new TreeMap<>();
    tallies.forEach((group, tally) -> outcomes.put(group, tally.outcome()));
    return outcomes;
  }

  /** Running counts of one group. */
  private static final class Tally {
    long rows;
    long prevented;
    long reviewed;
    long frauds;
    long fraudsPrevented;
    long genuinePrevented;
    double fraudAmount;
    double fraudAmountPrevented;

    void add(ScoredEvent event, Action action) {
      boolean prevent = action == Action.PREVENT;
      rows++;
      prevented += prevent ? 1 : 0;
      reviewed += action == Action.REVIEW ? 1 : 0;
      if (event.fraud()) {
        frauds++;
        fraudAmount += event.amount();
        if (prevent) {
          fraudsPrevented++;
          fraudAmountPrevented += event.amount();
        }
      } else if (prevent) {
        genuinePrevented++;
      }
    }

    PolicyOutcome outcome() {
      return new PolicyOutcome(rows, frauds, Checks.ratio(prevented, rows),
          Checks.ratio(reviewed, rows), Checks.ratio(fraudsPrevented, frauds),
          Checks.ratio(fraudAmountPrevented, fraudAmount),
          Checks.ratio(genuinePrevented, rows - frauds));
    }
  }
}
