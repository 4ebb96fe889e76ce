package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.evaluate.BacktestReport;
import io.micromodels.evaluation.evaluate.ClientSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.report.ScoresCsv;
import io.micromodels.training.spark.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The backtest's first pass, inside the tasks: a shard of a client's held-out rows (a share of its
 * customers, {@link BacktestJob#SHARD}) is scored by the client's models, read from its plan's
 * files, and leaves as a compacted {@link ClientSummary} plus a part of the client's {@code
 * scores.csv.gz} written as it goes. No task holds a client's events; the rows come sorted by
 * client and shard, so a task reads a client's models once.
 */
final class ShardScoring implements MapPartitionsFunction<Row, Row> {
  /** What a shard leaves: its summary (Java-serialized) or why it failed, and its part file. */
  static final StructType SCHEMA =
      new StructType()
          .add("client_id", DataTypes.StringType, false)
          .add(BacktestJob.SHARD, DataTypes.IntegerType, false)
          .add("events", DataTypes.LongType, false)
          .add("summary", DataTypes.BinaryType, true)
          .add("part", DataTypes.StringType, true)
          .add("failure", DataTypes.StringType, true);

  private final Broadcast<Map<String, ClientPlan>> plans;
  private final String runDir;

  ShardScoring(Broadcast<Map<String, ClientPlan>> plans, String runDir) {
    this.plans = plans;
    this.runDir = runDir;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Map<String, ClientPlan> plans = this.plans.value();
    List<Row> out = new ArrayList<>();
    Shard shard = null;
    LoadedClient models = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      String client = row.getString(row.fieldIndex("client_id"));
      int index = row.getInt(row.fieldIndex(BacktestJob.SHARD));
      if (shard == null || !shard.client.equals(client) || shard.index != index) {
        if (shard != null) {
          shard.finish().ifPresent(out::add);
        }
        if (models == null || !shard.client.equals(client)) {
          models = load(client, plans.get(client));
        }
        shard = new Shard(client, index, models, runDir);
      }

      shard.add(row);
    }

    if (shard != null) {
      shard.finish().ifPresent(out::add);
    }
    return out.iterator();
  }

  /** The client's models, or null when they cannot be read (its shards then fail). */
  private static LoadedClient load(String client, ClientPlan plan) {
    try {
      return LoadedClient.load(client, plan);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** One shard as it is scored. */
  private static final class Shard {
    final String client;
    final int index;
    private final LoadedClient models;
    private final String part;
    private final ClientSummary summary = new ClientSummary();
    private ClientContext context;
    private AtomicFile file;
    private ScoresCsv.RowsMember member;
    private long events;
    private String failure;

    Shard(String client, int index, LoadedClient models, String runDir) {
      this.client = client;
      this.index = index;
      this.models = models;
      this.part =
          BacktestFiles.join(
              BacktestFiles.scoreParts(runDir, client),
              String.format(java.util.Locale.ROOT, "shard-%05d.csv.gz", index));
      this.failure =
          models == null ? "evaluation failed: cannot read the models of " + client : null;
    }

    void add(Row row) {
      if (failure != null) {
        return;
      }
      try {
        Optional<ScoredEvent> scored = models.score(row);
        if (scored.isEmpty()) {
          return;
        }
        if (member == null) {
          context = models.context();
          file = AtomicFile.create(part);
          member = new ScoresCsv.RowsMember(file.stream());
        }
        summary.add(scored.get(), context);
        member.write(BacktestReport.eventRow(scored.get()));
        events++;
      } catch (RuntimeException | IOException e) {
        failure = "evaluation failed: " + e;
        discard();
      }
    }

    /** The shard's row; empty when none of its rows lies in a test window. */
    Optional<Row> finish() {
      if (failure != null) {
        return Optional.of(RowFactory.create(client, index, 0L, null, null, failure));
      }
      if (events == 0) {
        return Optional.empty();
      }
      try {
        member.close();
        file.commit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + part, e);
      }
      return Optional.of(
          RowFactory.create(client, index, events, summary.compact(context).toBytes(), part, null));
    }

    private void discard() {
      if (file != null) {
        file.close();
      }
    }
  }
}
