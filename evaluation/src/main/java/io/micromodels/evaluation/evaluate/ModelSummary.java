package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.metrics.DailyCandidates;
import io.micromodels.evaluation.metrics.PolicyMetrics;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.training.policy.Action;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * One model's held-out rows as mergeable summaries: all that {@link ModelMetrics} computes its
 * metrics from. Summaries of any split of the rows merge into the summary of all of them, as long
 * as no customer's rows are split ({@link DailyCandidates}).
 */
final class ModelSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  final ScoreSummary scores = new ScoreSummary();
  final PolicyMetrics policy = new PolicyMetrics();

  /** A candidate per customer and day: precision_at_k and card_precision_at_k. */
  final DailyCandidates customers = new DailyCandidates();

  /** A candidate per event and day: event_precision_at_k. */
  final DailyCandidates events = new DailyCandidates();

  /** Asserted customers seen, and those of them prevented at least once. */
  final Set<String> assertedPresent = new TreeSet<>();

  final Set<String> assertedPrevented = new TreeSet<>();

  ModelSummary add(ScoredEvent event, Prediction prediction, Set<String> asserted) {
    scores.add(prediction.score(), prediction.probability(), event.fraud());
    policy.add(event, prediction.action());
    customers.add(event.day(), event.customerId(), prediction.score(), event.fraud());
    events.add(event.day(), event.eventId(), prediction.score(), event.fraud());
    if (asserted.contains(event.customerId())) {
      assertedPresent.add(event.customerId());
      if (prediction.action() == Action.PREVENT) {
        assertedPrevented.add(event.customerId());
      }
    }
    return this;
  }

  ModelSummary merge(ModelSummary other) {
    scores.merge(other.scores);
    policy.merge(other.policy);
    customers.merge(other.customers);
    events.merge(other.events);
    assertedPresent.addAll(other.assertedPresent);
    assertedPrevented.addAll(other.assertedPrevented);
    return this;
  }

  /**
   * Keeps the review candidates any of the precision-at-k metrics can reach.
   *
   * @param reviewsPerDay their k
   * @param days the most days the rows span (card precision removes up to k customers a day)
   */
  ModelSummary compact(int reviewsPerDay, int days) {
    customers.compact(Math.multiplyExact(reviewsPerDay, days));
    events.compact(reviewsPerDay);
    return this;
  }
}
