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
import org.apache.spark.api.java.function.FlatMapGroupsFunction;

/**
 * Evaluates one client inside one task: its held-out events are gathered there (never on the
 * driver), evaluated, and its {@code report.html}, {@code metrics.json} and
 * {@code scores.csv.gz} written; the driver gets the verdict only.
 */
final class ClientBacktestFunction
    implements FlatMapGroupsFunction<String, KeyedEvent, ClientBacktest> {
  private final Map<String, ClientContext> contexts;
  private final String runDir;

  ClientBacktestFunction(Map<String, ClientContext> contexts, String runDir) {
    this.contexts = new HashMap<>(contexts);
    this.runDir = runDir;
  }

  @Override
  public Iterator<ClientBacktest> call(String clientId, Iterator<KeyedEvent> rows) {
    List<ScoredEvent> events = new ArrayList<>();
    rows.forEachRemaining(k -> events.add(k.event()));
    // Spark gives the rows in no particular order; sorted, a rerun writes the same files.
    events.sort(Comparator.comparing(ScoredEvent::eventTime).thenComparing(ScoredEvent::eventId));
    ClientContext context = contexts.get(clientId);
    try {
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
      BacktestFiles.write(report, ReportWriter.render(BacktestReport.model(evaluation, events))
          .getBytes(StandardCharsets.UTF_8));
      long written = System.nanoTime();
      return List.of(new ClientBacktest(clientId, ClientBacktest.Status.EVALUATED,
          evaluation.parentComparison().verdict(), evaluation.rows(), evaluation.frauds(),
          evaluation.gate().passed(), evaluation.gate().failures(),
          HappyPathTable.render(evaluation.gate()),
          evaluation.objective() == null ? null : evaluation.objective().statement(),
          evaluation.objective() == null ? null : evaluation.objective().met(),
          evaluation.parentComparison().verdict(), finite(evaluation.offline()), report, metrics,
          scores, (evaluated - start) / 1e9, (written - evaluated) / 1e9)).iterator();
    } catch (RuntimeException | java.io.IOException e) {
      return List.of(ClientBacktest.failed(clientId, "evaluation failed: " + e)).iterator();
    }
  }

  /** Map.copyOf refuses nulls; NaN values (undefined metrics) stay. */
  private static Map<String, Double> finite(Map<String, Double> values) {
    Map<String, Double> out = new HashMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
    return out;
  }
}
