package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.metrics.BinaryMetrics;
import io.micromodels.evaluation.metrics.PolicyMetrics;
import io.micromodels.evaluation.metrics.PolicyOutcome;
import io.micromodels.evaluation.metrics.PrecisionAtK;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.training.policy.Action;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One model's metrics on a set of held-out events, by the names gates use
 * ({@code GateSpec.METRICS}) plus {@code rows} and {@code frauds}. Events the model did not
 * score (no champion, no live score) are left out.
 */
public final class ModelMetrics {
  /** Bins of the expected calibration error. */
  public static final int CALIBRATION_BINS = ScoreSummary.CALIBRATION_BINS;

  private ModelMetrics() {}

  /** The scored subset of {@code events} for one model, as arrays. */
  record Scored(double[] scores, double[] probabilities, boolean[] fraud, LocalDate[] days,
      String[] customers, String[] eventIds) {
    static Scored of(List<ScoredEvent> events, Function<ScoredEvent, Prediction> which) {
      List<ScoredEvent> scored = events.stream().filter(e -> which.apply(e) != null).toList();
      int n = scored.size();
      double[] scores = new double[n];
      double[] probabilities = new double[n];
      boolean[] fraud = new boolean[n];
      LocalDate[] days = new LocalDate[n];
      String[] customers = new String[n];
      String[] eventIds = new String[n];
      for (int i = 0; i < n; i++) {
        ScoredEvent e = scored.get(i);
        Prediction p = which.apply(e);
        scores[i] = p.score();
        probabilities[i] = p.probability();
        fraud[i] = e.fraud();
        days[i] = e.day();
        customers[i] = e.customerId();
        eventIds[i] = e.eventId();
      }

      return new Scored(scores, probabilities, fraud, days, customers, eventIds);
    }

    int size() {
      return scores.length;
    }
  }

  /**
   * @param reviewsPerDay the k of {@code precision_at_k}, {@code card_precision_at_k} and
   *     {@code event_precision_at_k}
   * @param asserted customers that must be prevented ({@code prevented_asserts}: the share of
   *     those present in the events that the model prevents at least once; NaN when none is)
   * @return null when the model scored none of the events
   */
  public static Map<String, Double> of(List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which, int reviewsPerDay, Set<String> asserted) {
    Scored s = Scored.of(events, which);
    if (s.size() == 0) {
      return null;
    }

    Map<String, Double> m = new LinkedHashMap<>();
    long frauds = 0;
    for (boolean f : s.fraud()) {
      frauds += f ? 1 : 0;
    }

    m.put("rows", (double) s.size());
    m.put("frauds", (double) frauds);
    m.put("pr_auc", BinaryMetrics.averagePrecision(s.scores(), s.fraud()));
    m.put("roc_auc", BinaryMetrics.rocAuc(s.scores(), s.fraud()));
    m.put("log_loss", BinaryMetrics.logLoss(s.probabilities(), s.fraud()));
    m.put("brier", BinaryMetrics.brier(s.probabilities(), s.fraud()));
    m.put("calibration_difference",
        BinaryMetrics.calibrationDifference(s.probabilities(), s.fraud()));
    m.put("expected_calibration_error",
        BinaryMetrics.expectedCalibrationError(s.probabilities(), s.fraud(), CALIBRATION_BINS));
    m.put("precision_at_k", PrecisionAtK.perDay(s.days(), s.customers(), s.scores(), s.fraud(),
        reviewsPerDay));
    m.put("card_precision_at_k", PrecisionAtK.cards(s.days(), s.customers(), s.scores(),
        s.fraud(), reviewsPerDay));
    m.put("event_precision_at_k", PrecisionAtK.events(s.days(), s.eventIds(), s.scores(),
        s.fraud(), reviewsPerDay));
    PolicyOutcome policy = PolicyMetrics.of(events, which);
    m.put("block_rate", policy.blockRate());
    m.put("review_rate", policy.reviewRate());
    m.put("fraud_caught", policy.fraudCaught());
    m.put("fraud_caught_amount", policy.fraudCaughtByAmount());
    m.put("false_positive_rate", policy.falsePositiveRate());
    m.put("prevented_asserts", preventedAsserts(events, which, asserted));
    return m;
  }

  static double preventedAsserts(List<ScoredEvent> events, Function<ScoredEvent, Prediction> which,
      Set<String> asserted) {
    Set<String> present = new HashSet<>();
    Set<String> prevented = new HashSet<>();
    for (ScoredEvent e : events) {
      Prediction p = which.apply(e);
      if (p == null || !asserted.contains(e.customerId())) {
        continue;
      }

      present.add(e.customerId());
      if (p.action() == Action.PREVENT) {
        prevented.add(e.customerId());
      }
    }

    return present.isEmpty() ? Double.NaN : prevented.size() / (double) present.size();
  }
}
