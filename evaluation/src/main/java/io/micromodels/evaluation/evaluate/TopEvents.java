package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events a report embeds: the largest candidate-champion score differences first (events
 * without a champion count as 0), then by time and id, at most {@code limit}. Mergeable, and the
 * same whatever order the events come in.
 */
final class TopEvents implements Serializable {
  private static final long serialVersionUID = 1L;

  private record Entry(Instant time, EventRow row) implements Serializable {}

  private static final Comparator<Entry> SHOWN_FIRST =
      Comparator.comparingDouble((Entry e) -> e.row().absDiff() == null ? 0.0 : e.row().absDiff())
          .reversed()
          .thenComparing(Entry::time)
          .thenComparing(e -> e.row().eventId());

  private final int limit;
  private final List<Entry> entries = new ArrayList<>();

  TopEvents(int limit) {
    this.limit = limit;
  }

  TopEvents add(ScoredEvent event) {
    entries.add(new Entry(event.eventTime(), BacktestReport.eventRow(event)));
    if (entries.size() >= 2 * limit) {
      trim();
    }
    return this;
  }

  TopEvents merge(TopEvents other) {
    entries.addAll(other.entries);
    trim();
    return this;
  }

  List<EventRow> rows() {
    trim();
    return entries.stream().map(Entry::row).toList();
  }

  private void trim() {
    entries.sort(SHOWN_FIRST);
    if (entries.size() > limit) {
      entries.subList(limit, entries.size()).clear();
    }
  }
}
