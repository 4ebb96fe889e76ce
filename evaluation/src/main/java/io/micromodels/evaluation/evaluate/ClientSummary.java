package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.metrics.ScoredEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's held-out events as mergeable summaries, one {@link FoldSummary} per test window:
 * everything {@link ClientEvaluator} evaluates. Summaries of any split of the events merge into the
 * summary of all of them, provided every row of a customer is in one of them (the backtest
 * partitions its rows by customer), so no task needs to hold a client's events (issue 31).
 */
public final class ClientSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<Integer, FoldSummary> folds = new TreeMap<>();

  /**
   * Adds a scored event to its test window's summary.
   *
   * @throws IllegalArgumentException when the event is in none of the context's test windows
   */
  public ClientSummary add(ScoredEvent event, ClientContext context) {
    int fold =
        context
            .layout()
            .testing(event.eventTime())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "event "
                            + event.eventId()
                            + " at "
                            + event.eventTime()
                            + " is in none of the test windows of "
                            + context.clientId()))
            .index();
    folds.computeIfAbsent(fold, f -> new FoldSummary()).add(event, context);
    return this;
  }

  public ClientSummary merge(ClientSummary other) {
    other.folds.forEach(
        (index, fold) -> folds.computeIfAbsent(index, f -> new FoldSummary()).merge(fold));
    return this;
  }

  /**
   * Drops what no metric can reach, so that the summary's size is bounded by the windows' days, not
   * by the events: the review candidates beyond those a precision at the context's k can reach over
   * all the windows' days.
   */
  public ClientSummary compact(ClientContext context) {
    int days = windowDays(context.layout());
    folds.values().forEach(f -> f.compact(context.reviewsPerDay(), days));
    return this;
  }

  public long rows() {
    return folds.values().stream().mapToLong(f -> f.rows).sum();
  }

  /** The window's summary; empty when none of its events was added. */
  FoldSummary fold(int index) {
    return folds.getOrDefault(index, new FoldSummary());
  }

  /** The local days the test windows can span: their UTC days plus one for time zones. */
  private static int windowDays(FoldLayout layout) {
    Duration span = Duration.between(layout.testStart(), layout.testEnd());
    return Math.toIntExact(span.plusDays(1).minusNanos(1).toDays() + 1);
  }

  /** The summary as bytes (Java serialization), as a shard sends it to its client's merge. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a backtest summary", e);
    }
    return bytes.toByteArray();
  }

  /** The summary {@link #toBytes} wrote. */
  public static ClientSummary fromBytes(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (ClientSummary) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new UncheckedIOException(
          "cannot read a backtest summary", e instanceof IOException io ? io : new IOException(e));
    }
  }
}
