package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.micromodels.features.EventFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;

/**
 * The stored events an ingest's MERGE compares its input with: of each input client, the days from
 * its first input day minus the re-send horizon to its last plus the horizon. As a predicate on the
 * partition columns it lets Delta skip every other file, so the MERGE reads a few days of each
 * client instead of its whole history.
 *
 * <p>Clients with the same range share one term ({@code client_id IN (...) AND event_date BETWEEN
 * ...}); a night's clients mostly share one or two. Delta evaluates the predicate on every file of
 * the table's log, so the number of terms is capped at {@link #MAX_TERMS}: beyond it, the two terms
 * whose ranges are closest are merged (their clients read the hull of both ranges: more days, never
 * fewer), so a backfill of one client widens no other client's range until many clients have
 * different ranges.
 */
final class StoredRange {
  static final int MAX_TERMS = 32;

  private static final Comparator<DateRange> BY_START_THEN_END =
      Comparator.comparing(DateRange::first).thenComparing(DateRange::last);

  /** Clients that read the same days. */
  record Term(Set<String> clients, DateRange days) {
    Term merge(Term other) {
      Set<String> both = new TreeSet<>(clients);
      both.addAll(other.clients);
      return new Term(both, days.hull(other.days));
    }
  }

  private final List<Term> terms;

  private StoredRange(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /** The range of each client's input days widened by {@code horizonDays} on both sides. */
  static StoredRange of(Map<String, DateRange> inputDaysByClient, int horizonDays) {
    Map<DateRange, Set<String>> clientsByRange = new TreeMap<>(BY_START_THEN_END);
    inputDaysByClient.forEach(
        (client, days) ->
            clientsByRange
                .computeIfAbsent(days.widenedBy(horizonDays), d -> new TreeSet<>())
                .add(client));
    List<Term> terms = new ArrayList<>();
    clientsByRange.forEach((days, clients) -> terms.add(new Term(clients, days)));
    while (terms.size() > MAX_TERMS) {
      int closest = closestNeighbours(terms);
      terms.set(closest, terms.get(closest).merge(terms.remove(closest + 1)));
    }

    return new StoredRange(terms);
  }

  List<Term> terms() {
    return terms;
  }

  /**
   * The predicate on the table's columns, named with {@code prefix} (an alias and a dot, or "").
   */
  Column predicate(String prefix) {
    return terms.stream()
        .map(
            term ->
                col(prefix + EventFields.CLIENT_ID)
                    .isin(term.clients().toArray())
                    .and(
                        col(prefix + EventFields.EVENT_DATE)
                            .between(lit(term.days().first()), lit(term.days().last()))))
        .reduce(Column::or)
        .orElseThrow(() -> new IllegalStateException("no input client"));
  }

  /** The index i whose merge with i + 1 (in start order) adds the fewest days to read. */
  private static int closestNeighbours(List<Term> terms) {
    int best = 0;
    long bestCost = Long.MAX_VALUE;
    for (int i = 0; i + 1 < terms.size(); i++) {
      Term a = terms.get(i);
      Term b = terms.get(i + 1);
      long hull = a.days().hull(b.days()).days();
      long cost =
          (hull - a.days().days()) * a.clients().size()
              + (hull - b.days().days()) * b.clients().size();
      if (cost < bestCost) {
        best = i;
        bestCost = cost;
      }
    }

    return best;
  }
}
