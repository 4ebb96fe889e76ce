package io.micromodels.features.history;

import io.micromodels.features.config.Aggregate;
import io.micromodels.features.config.FeatureSpec;
import io.micromodels.features.config.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Point-in-time features of one entity (a customer, a device, a store ...) of one client. Feed the
 * entity's events in history order (time, then event id); for each decision event it returns the
 * feature values computed from the events strictly before it, then remembers it. Plain Java and
 * streaming: Spark runs it per entity inside a task, and a live scorer can run the same code over
 * an entity's recent history.
 *
 * <p>Window semantics: {@code [t - w, t)}: an event exactly {@code w} before counts, one at the
 * same microsecond counts only if its event id sorts first. A feature with a delay {@code d} reads
 * {@code [t - d - w, t - d)} instead; one that includes the current event reads {@code [t - w, t]}
 * in the same history order: the event itself is added before it is read.
 */
public final class EntityTimeline {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private final List<WindowAggregate> aggregates = new ArrayList<>();

  /** Per aggregate: whether its window includes the decision event itself. */
  private final List<Boolean> includeCurrent = new ArrayList<>();

  /** Per aggregate: its value when its window is empty. */
  private final List<Double> emptyValues = new ArrayList<>();

  private final List<String> columns = new ArrayList<>();

  public EntityTimeline(List<FeatureSpec> specs, Set<String> decisionTypes) {
    for (FeatureSpec spec : specs) {
      List<String> names = spec.columnNames();
      for (int i = 0; i < spec.windows().size(); i++) {
        aggregates.add(aggregate(spec, spec.windows().get(i), decisionTypes));
        includeCurrent.add(spec.includeCurrent());
        emptyValues.add(spec.emptyValue().value());
        columns.add(names.get(i));
      }
    }
  }

  /** The feature columns, in the order of the values {@link #observe} returns. */
  public List<String> columns() {
    return List.copyOf(columns);
  }

  /**
   * Adds the next event of the history. Returns its feature values if it is a decision event
   * (entries may be null: undefined, e.g. a mean over an empty window unless the feature's {@code
   * empty_value} is 0), else null.
   */
  public Double[] observe(HistoryEvent event) {
    for (WindowAggregate aggregate : aggregates) {
      aggregate.advanceTo(event.time());
    }

    Double[] values = event.decision() ? new Double[aggregates.size()] : null;
    read(event, values, false);
    for (WindowAggregate aggregate : aggregates) {
      aggregate.add(event);
    }

    read(event, values, true);
    return values;
  }

  /** Reads the aggregates whose window includes the current event, or those whose does not. */
  private void read(HistoryEvent event, Double[] values, boolean afterAdding) {
    for (int i = 0; values != null && i < values.length; i++) {
      WindowAggregate aggregate = aggregates.get(i);
      if (includeCurrent.get(i) == afterAdding) {
        values[i] = aggregate.isEmpty() ? emptyValues.get(i) : aggregate.value(event);
      }
    }
  }

  private static WindowAggregate aggregate(
      FeatureSpec spec, Window window, Set<String> decisionTypes) {
    long micros = window.length().getSeconds() * MICROS_PER_SECOND;
    long delay = spec.delay().getSeconds() * MICROS_PER_SECOND;
    Set<String> types = new HashSet<>(spec.eventTypes());
    WindowAggregate undelayed =
        switch (spec.aggregate()) {
          case COUNT -> new SlidingCount(micros, types);
          case DISTINCT_COUNT -> new SlidingDistinct(micros, types, spec.of());
          case SUM, AVG, MAX, AMOUNT_RATIO ->
              new SlidingAmount(micros, types.isEmpty() ? decisionTypes : types, spec.aggregate());
          case LABEL_RATE -> new DelayedLabelRate(micros, delay);
        };
    // label_rate applies its delay itself: its labels must be known before t, not t - d.
    return delay == 0 || spec.aggregate() == Aggregate.LABEL_RATE
        ? undelayed
        : new DelayedWindow(undelayed, delay);
  }
}
