package io.micromodels.evaluation.metrics;

import io.micromodels.training.policy.Action;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Block rate, review rate, fraud caught and false-positive rate of one model's actions (the
 * candidate's, the champion's or the live system's, chosen by {@code which}), overall, per region
 * and per segment. Counted as it goes and mergeable: tallies of any split of the events merge into
 * the tally of all of them.
 *
 * <p>Events for which {@code which} returns null (e.g. no champion, no live score) are left out.
 */
public final class PolicyMetrics implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Tally overall = new Tally();
  private final Map<String, Tally> regions = new TreeMap<>();
  private final Map<String, Tally> segments = new TreeMap<>();

  /** The outcome over all events. */
  public static PolicyOutcome of(
      List<ScoredEvent> events, Function<ScoredEvent, Prediction> which) {
    return byGroup(events, which).overall();
  }

  /** The outcome overall, per region and per segment, in one pass. */
  public static PolicyBreakdown byGroup(
      List<ScoredEvent> events, Function<ScoredEvent, Prediction> which) {
    PolicyMetrics tally = new PolicyMetrics();
    for (ScoredEvent event : events) {
      Prediction prediction = which.apply(event);
      if (prediction != null) {
        tally.add(event, prediction.action());
      }
    }
    return tally.breakdown();
  }

  /** Counts one event that the model gave {@code action}. */
  public PolicyMetrics add(ScoredEvent event, Action action) {
    overall.add(event, action);
    regions.computeIfAbsent(event.region(), r -> new Tally()).add(event, action);
    for (String segment : event.segments()) {
      segments.computeIfAbsent(segment, s -> new Tally()).add(event, action);
    }
    return this;
  }

  public PolicyMetrics merge(PolicyMetrics other) {
    overall.merge(other.overall);
    other.regions.forEach((r, t) -> regions.computeIfAbsent(r, k -> new Tally()).merge(t));
    other.segments.forEach((s, t) -> segments.computeIfAbsent(s, k -> new Tally()).merge(t));
    return this;
  }

  public PolicyBreakdown breakdown() {
    return new PolicyBreakdown(overall.outcome(), outcomes(regions), outcomes(segments));
  }

  private static SortedMap<String, PolicyOutcome> outcomes(Map<String, Tally> tallies) {
    SortedMap<String, PolicyOutcome> outcomes = new TreeMap<>();
    tallies.forEach((group, tally) -> outcomes.put(group, tally.outcome()));
    return outcomes;
  }

  /** Running counts of one group. */
  private static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
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

    void merge(Tally other) {
      rows += other.rows;
      prevented += other.prevented;
      reviewed += other.reviewed;
      frauds += other.frauds;
      fraudsPrevented += other.fraudsPrevented;
      genuinePrevented += other.genuinePrevented;
      fraudAmount += other.fraudAmount;
      fraudAmountPrevented += other.fraudAmountPrevented;
    }

    PolicyOutcome outcome() {
      return new PolicyOutcome(
          rows,
          frauds,
          Checks.ratio(prevented, rows),
          Checks.ratio(reviewed, rows),
          Checks.ratio(fraudsPrevented, frauds),
          Checks.ratio(fraudAmountPrevented, fraudAmount),
          Checks.ratio(genuinePrevented, rows - frauds));
    }
  }
}
