package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.metrics.PolicyOutcome;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One model's metrics on a set of held-out events, by the names gates use ({@code
 * GateSpec.METRICS}) plus {@code rows} and {@code frauds}, computed from the events' mergeable
 * {@link ModelSummary}. Events the model did not score (no champion, no live score) are left out.
 */
public final class ModelMetrics {
  private ModelMetrics() {}

  /**
   * @param reviewsPerDay the k of {@code precision_at_k}, {@code card_precision_at_k} and {@code
   *     event_precision_at_k}
   * @param asserted customers that must be prevented ({@code prevented_asserts}: the share of those
   *     present in the events that the model prevents at least once; NaN when none is)
   * @return null when the model scored none of the events
   */
  public static Map<String, Double> of(
      List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which,
      int reviewsPerDay,
      Set<String> asserted) {
    return of(summary(events, which, asserted), reviewsPerDay);
  }

  /**
   * The metrics of a model's summary. {@code pr_auc} and {@code roc_auc} are those of the scores
   * rounded down to 0.1-point buckets ({@link ScoreSummary}: within its stated bound of the
   * row-level values); every other metric is the row-level value.
   *
   * @return null when the model scored no row
   */
  static Map<String, Double> of(ModelSummary s, int reviewsPerDay) {
    if (s.scores.rows() == 0) {
      return null;
    }

    Map<String, Double> m = new LinkedHashMap<>();
    m.put("rows", (double) s.scores.rows());
    m.put("frauds", (double) s.scores.frauds());
    m.put("pr_auc", s.scores.averagePrecision().value());
    m.put("roc_auc", s.scores.rocAuc().value());
    m.put("log_loss", s.scores.logLoss());
    m.put("brier", s.scores.brier());
    m.put("calibration_difference", s.scores.calibrationDifference());
    m.put("expected_calibration_error", s.scores.expectedCalibrationError());
    m.put("precision_at_k", s.customers.perDay(reviewsPerDay));
    m.put("card_precision_at_k", s.customers.cards(reviewsPerDay));
    m.put("event_precision_at_k", s.events.events(reviewsPerDay));
    PolicyOutcome policy = s.policy.breakdown().overall();
    m.put("block_rate", policy.blockRate());
    m.put("review_rate", policy.reviewRate());
    m.put("fraud_caught", policy.fraudCaught());
    m.put("fraud_caught_amount", policy.fraudCaughtByAmount());
    m.put("false_positive_rate", policy.falsePositiveRate());
    m.put(
        "prevented_asserts",
        s.assertedPresent.isEmpty()
            ? Double.NaN
            : s.assertedPrevented.size() / (double) s.assertedPresent.size());
    return m;
  }

  static double preventedAsserts(
      List<ScoredEvent> events, Function<ScoredEvent, Prediction> which, Set<String> asserted) {
    return of(summary(events, which, asserted), 1).get("prevented_asserts");
  }

  private static ModelSummary summary(
      List<ScoredEvent> events, Function<ScoredEvent, Prediction> which, Set<String> asserted) {
    ModelSummary summary = new ModelSummary();
    for (ScoredEvent e : events) {
      Prediction p = which.apply(e);
      if (p != null) {
        summary.add(e, p, asserted);
      }
    }
    return summary;
  }
}
