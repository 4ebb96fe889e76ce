package io.micromodels.evaluation.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Held-out rows as a review team sees them: per day, one candidate per id (a customer or an event),
 * ranked for review. The one ranking behind every precision-at-k variant.
 */
final class DailyReviews {
  /** Highest score first; equal scores by id ascending, so row order never changes a result. */
  static final Comparator<Candidate> REVIEW_ORDER =
      Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id);

  private DailyReviews() {}

  /**
   * One day's candidate for review.
   *
   * @param score the highest score of its rows that day
   * @param fraud whether any of its rows that day is fraud
   */
  record Candidate(String id, double score, boolean fraud) implements java.io.Serializable {
    Candidate merge(double rowScore, boolean rowFraud) {
      return new Candidate(id, Math.max(score, rowScore), fraud || rowFraud);
    }
  }

  /** Days in time order (the card variant's removals depend on it), each day's candidates. */
  static NavigableMap<LocalDate, Collection<Candidate>> byDay(
      LocalDate[] day, String[] id, double[] score, boolean[] fraud) {
    Checks.sameLength(day.length, id.length, "days and ids");
    Checks.sameLength(day.length, score.length, "days and scores");
    Checks.sameLength(day.length, fraud.length, "days and labels");
    Checks.finite(score, "scores");

    NavigableMap<LocalDate, Map<String, Candidate>> days = new TreeMap<>();
    for (int i = 0; i < day.length; i++) {
      double rowScore = score[i];
      boolean rowFraud = fraud[i];
      days.computeIfAbsent(day[i], d -> new HashMap<>())
          .merge(
              id[i],
              new Candidate(id[i], rowScore, rowFraud),
              (a, b) -> a.merge(rowScore, rowFraud));
    }

    NavigableMap<LocalDate, Collection<Candidate>> candidates = new TreeMap<>();
    days.forEach((d, byId) -> candidates.put(d, byId.values()));
    return candidates;
  }

  /** The first {@code k} candidates in review order (all of them when fewer). */
  static List<Candidate> top(Collection<Candidate> candidates, int k) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(REVIEW_ORDER);
    return ranked.subList(0, Math.min(k, ranked.size()));
  }

  static int frauds(List<Candidate> reviewed) {
    int frauds = 0;
    for (Candidate c : reviewed) {
      frauds += c.fraud() ? 1 : 0;
    }
    return frauds;
  }
}
