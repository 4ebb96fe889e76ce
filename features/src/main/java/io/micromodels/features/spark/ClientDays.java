package io.micromodels.features.spark;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Valid input rows per (client, day) of one ingest. Counted in the same aggregation as the
 * summary's counts and collected to the driver: one entry per client-day, so it grows with clients
 * × days of the input, not with its events (a night: clients × a few days).
 */
record ClientDays(Map<ClientDay, Long> rows) {
  /** One partition of the events table. */
  record ClientDay(String client, LocalDate day) {}

  ClientDays {
    rows = Map.copyOf(rows);
  }

  /** Each client's first and last input day. */
  Map<String, DateRange> rangeByClient() {
    return rows.keySet().stream()
        .collect(
            Collectors.toMap(
                ClientDay::client, d -> DateRange.of(d.day()), DateRange::hull, TreeMap::new));
  }

  /**
   * The client-days with more than {@code maxRowsPerTask} rows, each with the number of write tasks
   * to split it over: {@code ceil(rows / maxRowsPerTask)}.
   */
  Map<ClientDay, Integer> splits(long maxRowsPerTask) {
    return rows.entrySet().stream()
        .filter(e -> e.getValue() > maxRowsPerTask)
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    (int)
                        Math.min(
                            Integer.MAX_VALUE,
                            (e.getValue() + maxRowsPerTask - 1) / maxRowsPerTask)));
  }
}
