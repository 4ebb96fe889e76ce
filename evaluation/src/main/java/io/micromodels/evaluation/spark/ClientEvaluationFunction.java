package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.evaluate.BacktestReport;
import io.micromodels.evaluation.evaluate.ClientEvaluation;
import io.micromodels.evaluation.evaluate.ClientEvaluator;
import io.micromodels.evaluation.evaluate.ClientSummary;
import io.micromodels.evaluation.evaluate.MetricsDocument;
import io.micromodels.evaluation.gate.HappyPathTable;
import io.micromodels.evaluation.report.ReportWriter;
import io.micromodels.evaluation.report.ScoresCsv;
import io.micromodels.training.spark.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The backtest's second pass, inside the tasks: a client's shard summaries ({@link ShardScoring}),
 * arriving sorted by client and shard, are merged one at a time, in shard order (the same files on
 * a rerun), and evaluated; the task writes the client's {@code report.html}, {@code metrics.json}
 * and {@code scores.csv.gz} (its shards' parts joined, never decompressed) and returns the verdict.
 * What a task holds is one client's merged summary, bounded by the windows' days, not by the
 * events.
 */
final class ClientEvaluationFunction implements MapPartitionsFunction<Row, ClientBacktest> {
  private final Broadcast<Map<String, ClientPlan>> plans;
  private final String runDir;

  ClientEvaluationFunction(Broadcast<Map<String, ClientPlan>> plans, String runDir) {
    this.plans = plans;
    this.runDir = runDir;
  }

  @Override
  public Iterator<ClientBacktest> call(Iterator<Row> rows) {
    List<ClientBacktest> out = new ArrayList<>();
    Merged client = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      String id = row.getString(row.fieldIndex("client_id"));
      if (client == null || !client.clientId.equals(id)) {
        if (client != null) {
          out.add(evaluate(client));
        }
        client = new Merged(id);
      }
      client.add(row);
    }

    if (client != null) {
      out.add(evaluate(client));
    }
    return out.iterator();
  }

  /** One client's shards merged so far. */
  private static final class Merged {
    final String clientId;
    final ClientSummary summary = new ClientSummary();
    final List<String> parts = new ArrayList<>();
    String failure;

    Merged(String clientId) {
      this.clientId = clientId;
    }

    void add(Row row) {
      if (!row.isNullAt(row.fieldIndex("failure"))) {
        failure = failure == null ? row.getString(row.fieldIndex("failure")) : failure;
        return;
      }
      summary.merge(ClientSummary.fromBytes(row.getAs("summary")));
      parts.add(row.getString(row.fieldIndex("part")));
    }
  }

  private ClientBacktest evaluate(Merged client) {
    String id = client.clientId;
    try {
      if (client.failure != null) {
        return ClientBacktest.failed(id, client.failure);
      }

      ClientContext context = LoadedClient.load(id, plans.value().get(id)).context();
      long start = System.nanoTime();
      ClientEvaluation evaluation = ClientEvaluator.evaluate(context, client.summary);
      long evaluated = System.nanoTime();
      String dir = BacktestFiles.clientDir(runDir, id);
      String report = BacktestFiles.join(dir, "report.html");
      String metrics = BacktestFiles.join(dir, "metrics.json");
      String scores = BacktestFiles.join(dir, "scores.csv.gz");
      joinParts(client.parts, scores);
      BacktestFiles.write(
          metrics, BacktestFiles.JSON.writeValueAsBytes(MetricsDocument.of(evaluation)));
      BacktestFiles.write(
          report,
          ReportWriter.render(BacktestReport.model(evaluation)).getBytes(StandardCharsets.UTF_8));
      long written = System.nanoTime();
      return new ClientBacktest(
          id,
          ClientBacktest.Status.EVALUATED,
          evaluation.parentComparison().verdict(),
          evaluation.rows(),
          evaluation.frauds(),
          evaluation.gate().passed(),
          evaluation.gate().failures(),
          HappyPathTable.render(evaluation.gate()),
          evaluation.objective() == null ? null : evaluation.objective().statement(),
          evaluation.objective() == null ? null : evaluation.objective().met(),
          evaluation.parentComparison().verdict(),
          finite(evaluation.offline()),
          report,
          metrics,
          scores,
          (evaluated - start) / 1e9,
          (written - evaluated) / 1e9);
    } catch (RuntimeException | IOException e) {
      return ClientBacktest.failed(id, "evaluation failed: " + e);
    } finally {
      BacktestFiles.deleteFolder(BacktestFiles.scoreParts(runDir, id));
    }
  }

  /** scores.csv.gz: the header's gzip member, then each shard's member in shard order. */
  private static void joinParts(List<String> parts, String scores) throws IOException {
    try (AtomicFile file = AtomicFile.create(scores)) {
      file.stream().write(ScoresCsv.headerMember());
      parts.forEach(part -> BacktestFiles.copy(part, file.stream()));
      file.commit();
    }
  }

  /** Map.copyOf refuses nulls; NaN values (undefined metrics) stay. */
  private static Map<String, Double> finite(Map<String, Double> values) {
    Map<String, Double> out = new HashMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
    return out;
  }
}
