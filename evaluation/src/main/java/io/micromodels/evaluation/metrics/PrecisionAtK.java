package io.micromodels.evaluation.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision among the k customers an analyst would look at first each day: the question a review
 * team with a fixed daily capacity asks of a ranking.
 */
public final class PrecisionAtK {
  /** Highest score first; equal scores by customer id ascending, so the result is deterministic. */
  private static final Comparator<CustomerDay> REVIEW_ORDER =
      Comparator.comparingDouble((CustomerDay c) -> c.score).reversed()
          .thenComparing(c -> c.customer);

  private PrecisionAtK() {}

  /**
   * For each day, each customer is represented by its highest score that day and counts as fraud
   * when any of its events that day is fraud; the top {@code k} customers by that score (ties
   * broken by customer id ascending) give the day's precision, {@code frauds / min(k, customers
   * that day)}. The result is the unweighted mean over the days that have events.
   *
   * @param k reviews per day, at least 1
   * @return the mean daily precision in [0, 1], or NaN when there are no events
   */
  public static double perDay(LocalDate[] day, String[] customer, double[] score, boolean[] fraud,
      int k) {
    Checks.sameLength(day.length, customer.length, "days and customers");
    Checks.sameLength(day.length, score.length, "days and scores");
    Checks.sameLength(day.length, fraud.length, "days and labels");
    Checks.finite(score, "scores");
    Checks.positive(k, "k");

    Map<LocalDate, Map<String, CustomerDay>> days = new HashMap<>();
    for (int i = 0; i < day.length; i++) {
      String id = customer[i];
      days.computeIfAbsent(day[i], d -> new HashMap<>())
          .computeIfAbsent(id, c -> new CustomerDay(id))
          .add(score[i], fraud[i]);
    }

    double precisionSum = 0;
    for (Map<String, CustomerDay> customers : days.values()) {
      precisionSum += precisionOfDay(new ArrayList<>(customers.values()), k);
    }
    return days.isEmpty() ? Double.NaN : precisionSum / days.size();
  }

  private static double precisionOfDay(List<CustomerDay> customers, int k) {
    customers.sort(REVIEW_ORDER);
    int reviewed = Math.min(k, customers.size());
    int frauds = 0;
    for (int i = 0; i < reviewed; i++) {
      frauds += customers.get(i).fraud ? 1 : 0;
    }
    return (double) frauds / reviewed;
  }

  /** One customer's day: its highest score and whether any of its events was fraud. */
  private static final class CustomerDay {
    final String customer;
    double score = Double.NEGATIVE_INFINITY;
    boolean fraud;

    CustomerDay(String customer) {
      this.customer = customer;
    }

    void add(double eventScore, boolean eventFraud) {
      score = Math.max(score, eventScore);
      fraud |= eventFraud;
    }
  }
}
