package io.micromodels.evaluation.metrics;

import io.micromodels.training.policy.Action;
import java.io.Serializable;
import java.util.List;

/**
 * Champion action x candidate action, counted and amount-weighted, separately for fraud and genuine
 * events, so a gate can bound e.g. "genuine customers moved ALLOW -> PREVENT <= 1 %". Counted as
 * events arrive; matrices of any split of the events merge into the matrix of all.
 */
public final class TransitionMatrix implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int ACTIONS = Action.values().length;

  /** The eventual label an event's transition is filed under. */
  public enum Label {
    FRAUD,
    GENUINE;

    static Label of(ScoredEvent event) {
      return event.fraud() ? FRAUD : GENUINE;
    }
  }

  private final long[][][] counts = new long[Label.values().length][ACTIONS][ACTIONS];
  private final double[][][] amounts = new double[Label.values().length][ACTIONS][ACTIONS];
  private long skipped;

  /** An empty matrix, to {@link #add} events to. */
  public TransitionMatrix() {}

  /** The matrix of {@code events}; events without a champion prediction are skipped and counted. */
  public static TransitionMatrix of(List<ScoredEvent> events) {
    TransitionMatrix matrix = new TransitionMatrix();
    events.forEach(matrix::add);
    return matrix;
  }

  public TransitionMatrix add(ScoredEvent event) {
    if (event.champion() == null) {
      skipped++;
      return this;
    }

    int label = Label.of(event).ordinal();
    int from = event.champion().action().ordinal();
    int to = event.candidate().action().ordinal();
    counts[label][from][to]++;
    amounts[label][from][to] += event.amount();
    return this;
  }

  public TransitionMatrix merge(TransitionMatrix other) {
    for (int label = 0; label < counts.length; label++) {
      for (int from = 0; from < ACTIONS; from++) {
        for (int to = 0; to < ACTIONS; to++) {
          counts[label][from][to] += other.counts[label][from][to];
          amounts[label][from][to] += other.amounts[label][from][to];
        }
      }
    }
    skipped += other.skipped;
    return this;
  }

  /** Events of {@code label} that the champion gave {@code from} and the candidate {@code to}. */
  public long count(Label label, Action from, Action to) {
    return counts[label.ordinal()][from.ordinal()][to.ordinal()];
  }

  /** The summed amount of the events {@link #count} counts. */
  public double amount(Label label, Action from, Action to) {
    return amounts[label.ordinal()][from.ordinal()][to.ordinal()];
  }

  /** {@link #count} as a share of the compared events of {@code label}; NaN when there are none. */
  public double share(Label label, Action from, Action to) {
    return Checks.ratio(count(label, from, to), rows(label));
  }

  /** {@link #amount} as a share of the compared amount of {@code label}; NaN when it is 0. */
  public double amountShare(Label label, Action from, Action to) {
    double total = 0;
    for (Action a : Action.values()) {
      for (Action b : Action.values()) {
        total += amount(label, a, b);
      }
    }
    return Checks.ratio(amount(label, from, to), total);
  }

  /** Compared events (those with a champion) of {@code label}. */
  public long rows(Label label) {
    long rows = 0;
    for (Action a : Action.values()) {
      for (Action b : Action.values()) {
        rows += count(label, a, b);
      }
    }
    return rows;
  }

  /** Compared events of either label. */
  public long rows() {
    return rows(Label.FRAUD) + rows(Label.GENUINE);
  }

  /** Share of compared events whose action differs; NaN when none was compared. */
  public double actionChangeRate() {
    long unchanged = 0;
    for (Label label : Label.values()) {
      for (Action action : Action.values()) {
        unchanged += count(label, action, action);
      }
    }
    return Checks.ratio(rows() - unchanged, rows());
  }

  /** Events left out because they had no champion prediction. */
  public long skipped() {
    return skipped;
  }
}
