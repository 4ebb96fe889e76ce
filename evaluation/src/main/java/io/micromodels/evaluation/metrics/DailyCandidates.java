package io.micromodels.evaluation.metrics;

import io.micromodels.evaluation.metrics.DailyReviews.Candidate;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The review candidates of {@link PrecisionAtK}, one per id (a customer or an event) per day,
 * gathered as rows arrive and mergeable. {@link #compact} keeps each day's first candidates in
 * review order, which is all any top-k needs: {@code k} of them for {@code precision_at_k} and
 * {@code event_precision_at_k}, and for {@code card_precision_at_k}, which first removes the
 * customers found on earlier days (at most k a day), {@code k} times the days in the windows.
 *
 * <p>Merging is exact when no id has rows in two of the merged summaries (every row of a customer
 * in one partition): a candidate is a customer's highest score of the day, which a summary that saw
 * only part of those rows would not know.
 */
public final class DailyCandidates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<LocalDate, Map<String, Candidate>> days = new TreeMap<>();

  public DailyCandidates add(LocalDate day, String id, double score, boolean fraud) {
    days.computeIfAbsent(day, d -> new HashMap<>())
        .merge(id, new Candidate(id, score, fraud), (a, b) -> a.merge(score, fraud));
    return this;
  }

  public DailyCandidates merge(DailyCandidates other) {
    other.days.forEach(
        (day, byId) -> byId.values().forEach(c -> add(day, c.id(), c.score(), c.fraud())));
    return this;
  }

  /** Keeps each day's first {@code capacity} candidates in review order. */
  public DailyCandidates compact(int capacity) {
    Checks.positive(capacity, "capacity");
    days.replaceAll(
        (day, byId) -> {
          if (byId.size() <= capacity) {
            return byId;
          }
          Map<String, Candidate> kept = new HashMap<>();
          DailyReviews.top(byId.values(), capacity).forEach(c -> kept.put(c.id(), c));
          return kept;
        });
    return this;
  }

  public double perDay(int k) {
    return PrecisionAtK.perDay(byDay(), k);
  }

  public double cards(int k) {
    return PrecisionAtK.cards(byDay(), k);
  }

  public double events(int k) {
    return PrecisionAtK.events(byDay(), k);
  }

  private NavigableMap<LocalDate, Collection<Candidate>> byDay() {
    NavigableMap<LocalDate, Collection<Candidate>> byDay = new TreeMap<>();
    days.forEach((day, byId) -> byDay.put(day, List.copyOf(byId.values())));
    return byDay;
  }
}
