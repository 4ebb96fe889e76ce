package io.micromodels.evaluation.metrics;

import io.micromodels.training.policy.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small builders of valid {@link ScoredEvent}s for the metric tests. */
final class Events {
  private static final Instant TIME = Instant.parse("2026-05-01T12:00:00Z");

  private Events() {}

  static Prediction prediction(double score, Action action) {
    return prediction(score, action, Map.of());
  }

  static Prediction prediction(double score, Action action, Map<String, Double> contributions) {
    return new Prediction(score, score / 100, action, contributions);
  }

  /** An event in region "eu" without segments. */
  static ScoredEvent event(
      String id, boolean fraud, double amount, Prediction candidate, Prediction champion) {
    return event(id, "eu", List.of(), fraud, amount, candidate, champion);
  }

  static ScoredEvent event(
      String id,
      String region,
      List<String> segments,
      boolean fraud,
      double amount,
      Prediction candidate,
      Prediction champion) {
    return new ScoredEvent(
        id,
        "customer-" + id,
        TIME,
        LocalDate.of(2026, 5, 1),
        region,
        segments,
        null,
        amount,
        fraud,
        fraud ? TIME.plusSeconds(86_400) : null,
        candidate,
        champion,
        null,
        null);
  }
}
