package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.evaluate.BacktestReport;
import io.micromodels.evaluation.evaluate.ClientEvaluation;
import io.micromodels.evaluation.evaluate.ClientEvaluator;
import io.micromodels.evaluation.evaluate.MetricsDocument;
import io.micromodels.evaluation.gate.HappyPathTable;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.report.ReportWriter;
import io.micromodels.evaluation.report.ScoresCsv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Scores and evaluates clients inside the tasks. The rows come partitioned by client and sorted
 * by it, so a task holds one client's held-out events at a time (never the driver): it reads the
 * client's models from its plan's files, scores the rows, evaluates them and writes the client's
 * {@code report.html}, {@code metrics.json} and {@code scores.csv.gz}; the driver gets the
 * verdict only.
 */
final class ClientBacktestFunction implements MapPartitionsFunction<Row, ClientBacktest> {
  private final Broadcast<Map<String, ClientPlan>> plans;
  private final String runDir;

  ClientBacktestFunction(Broadcast<Map<String, ClientPlan>> plans, String runDir) {
    this.plans = plans;
    this.runDir = runDir;
  }

  @Override
  public Iterator<ClientBacktest> call(Iterator<Row> rows) {
    Map<String, ClientPlan> plans = this.plans.value();
    List<ClientBacktest> out = new ArrayList<>();
    String client = null;
    LoadedClient models = null;
    List<ScoredEvent> events = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String id = row.getString(row.fieldIndex("client_id"));
      if (!id.equals(client)) {
        evaluate(client, models, events).ifPresent(out::add);
        client = id;
        models = LoadedClient.load(id, plans.get(id));
        events = new ArrayList<>();
      }

      models.score(row).ifPresent(events::add);
    }

    evaluate(client, models, events).ifPresent(out::add);
    return out.iterator();
  }

  /** Nothing for a client none of whose rows lies in a test window (the driver reports it). */
  private Optional<ClientBacktest> evaluate(String clientId, LoadedClient models,
      List<ScoredEvent> events) {
    if (events.isEmpty()) {
      return Optional.empty();
    }

    // Spark gives the rows in no particular order; sorted, a rerun writes the same files.
    events.sort(Comparator.comparing(ScoredEvent::eventTime).thenComparing(ScoredEvent::eventId));
    try {
      ClientContext context = models.context();
      long start = System.nanoTime();
      ClientEvaluation evaluation = ClientEvaluator.evaluate(context, events);
      long evaluated = System.nanoTime();
      String dir = BacktestFiles.clientDir(runDir, clientId);
      String report = BacktestFiles.join(dir, "report.html");
      String metrics = BacktestFiles.join(dir, "metrics.json");
      String scores = BacktestFiles.join(dir, "scores.csv.gz");
      BacktestFiles.write(scores, ScoresCsv.bytes(BacktestReport.eventRows(events)));
      BacktestFiles.write(metrics, BacktestFiles.JSON.writeValueAsBytes(
          MetricsDocument.of(evaluation)));
      BacktestFiles.write(report, ReportWriter.render(BacktestReport.model(evaluation))
          .getBytes(StandardCharsets.UTF_8));
      long written = System.nanoTime();
      return Optional.of(new ClientBacktest(clientId, ClientBacktest.Status.EVALUATED,
          evaluation.parentComparison().verdict(), evaluation.rows(), evaluation.frauds(),
          evaluation.gate().passed(), evaluation.gate().failures(),
          HappyPathTable.render(evaluation.gate()),
          evaluation.objective() == null ? null : evaluation.objective().statement(),
          evaluation.objective() == null ? null : evaluation.objective().met(),
          evaluation.parentComparison().verdict(), finite(evaluation.offline()), report, metrics,
          scores, (evaluated - start) / 1e9, (written - evaluated) / 1e9));
    } catch (RuntimeException | java.io.IOException e) {
      return Optional.of(ClientBacktest.failed(clientId, "evaluation failed: " + e));
    }
  }

  /** Map.copyOf refuses nulls; NaN values (undefined metrics) stay. */
  private static Map<String, Double> finite(Map<String, Double> values) {
    Map<String, Double> out = new HashMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
    return out;
  }
}
