package io.micromodels.evaluation.metrics;

import io.micromodels.evaluation.metrics.DailyReviews.Candidate;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Precision among the k customers (or events) an analyst would look at first each day: the question
 * a review team with a fixed daily capacity asks of a ranking. Every variant ranks by score, equal
 * scores by id ascending, and averages the days that have events without weights; NaN without
 * events.
 */
public final class PrecisionAtK {
  private PrecisionAtK() {}

  /**
   * {@code precision_at_k}: for each day, each customer is represented by its highest score that
   * day and counts as fraud when any of its events that day is fraud; the day's precision is {@code
   * frauds in the top k / min(k, customers that day)}. No customer is removed between days (see
   * {@link #cards} for the handbook's card precision).
   *
   * @param k reviews per day, at least 1
   * @return the mean daily precision in [0, 1], or NaN when there are no events
   */
  public static double perDay(
      LocalDate[] day, String[] customer, double[] score, boolean[] fraud, int k) {
    return perDay(DailyReviews.byDay(day, customer, score, fraud), k);
  }

  /** {@link #perDay(LocalDate[], String[], double[], boolean[], int)} of a customer per day. */
  static double perDay(NavigableMap<LocalDate, Collection<Candidate>> days, int k) {
    Checks.positive(k, "k");
    return meanOverDays(
        days,
        candidates -> {
          List<Candidate> top = DailyReviews.top(candidates, k);
          return (double) DailyReviews.frauds(top) / top.size();
        });
  }

  /**
   * {@code card_precision_at_k}, card precision top-k as Le Borgne et al. define it ("Reproducible
   * Machine Learning for Credit Card Fraud Detection - Practical Handbook"): days in time order;
   * customers found as fraud in an earlier day's top k are removed before the day is ranked (an
   * analyst does not find the same compromised card twice); each remaining customer is its highest
   * score that day, fraud when any of its events that day is; the day's value is {@code frauds in
   * the top k / k}, also when fewer than k customers remain (unused review capacity finds nothing;
   * a day whose customers were all found before counts 0).
   *
   * @param k reviews per day, at least 1
   * @return the mean over the days that have events, in [0, 1], or NaN when there are none
   */
  public static double cards(
      LocalDate[] day, String[] customer, double[] score, boolean[] fraud, int k) {
    return cards(DailyReviews.byDay(day, customer, score, fraud), k);
  }

  /** {@link #cards(LocalDate[], String[], double[], boolean[], int)} of a customer per day. */
  static double cards(NavigableMap<LocalDate, Collection<Candidate>> days, int k) {
    Checks.positive(k, "k");
    Set<String> detected = new HashSet<>();
    // Stateful across days: meanOverDays visits them in time order.
    return meanOverDays(
        days,
        candidates -> {
          List<Candidate> remaining =
              candidates.stream().filter(c -> !detected.contains(c.id())).toList();
          List<Candidate> top = DailyReviews.top(remaining, k);
          top.stream().filter(Candidate::fraud).forEach(c -> detected.add(c.id()));
          return (double) DailyReviews.frauds(top) / k;
        });
  }

  /**
   * {@code event_precision_at_k}: for each day, the top {@code k} events by score (equal scores by
   * event id ascending) give {@code frauds / k}, also on a day with fewer than k events.
   *
   * @param eventId unique per event (rows with the same id on a day count once, as one customer's
   *     rows do in {@link #cards})
   * @param k reviews per day, at least 1
   * @return the mean over the days that have events, in [0, 1], or NaN when there are none
   */
  public static double events(
      LocalDate[] day, String[] eventId, double[] score, boolean[] fraud, int k) {
    return events(DailyReviews.byDay(day, eventId, score, fraud), k);
  }

  /** {@link #events(LocalDate[], String[], double[], boolean[], int)} of an event per day. */
  static double events(NavigableMap<LocalDate, Collection<Candidate>> days, int k) {
    Checks.positive(k, "k");
    return meanOverDays(
        days, candidates -> (double) DailyReviews.frauds(DailyReviews.top(candidates, k)) / k);
  }

  private static double meanOverDays(
      NavigableMap<LocalDate, Collection<Candidate>> days,
      ToDoubleFunction<Collection<Candidate>> precisionOfDay) {
    double sum = 0;
    for (Collection<Candidate> candidates : days.values()) {
      sum += precisionOfDay.applyAsDouble(candidates);
    }
    return days.isEmpty() ? Double.NaN : sum / days.size();
  }
}
