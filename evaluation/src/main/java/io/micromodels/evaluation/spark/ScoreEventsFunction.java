package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.policy.Action;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.spark.RowInputs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Scores held-out feature rows inside the tasks: each row with its fold's candidate, the
 * client's champion and its fold's parent, through the same {@link Scorer} the live service
 * embeds. The models travel as {@code model.json} texts and are parsed once per task.
 */
final class ScoreEventsFunction implements MapPartitionsFunction<Row, KeyedEvent> {
  // Broadcast: every fold's candidate and parent of every client are tens of MB of model.json,
  // which would otherwise travel inside each task.
  private final Broadcast<Map<String, ShippedModels>> models;

  ScoreEventsFunction(Broadcast<Map<String, ShippedModels>> models) {
    this.models = models;
  }

  @Override
  public Iterator<KeyedEvent> call(Iterator<Row> rows) {
    Map<String, ShippedModels> models = this.models.value();
    Map<String, Scorer> scorers = new HashMap<>();
    List<KeyedEvent> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String client = row.getString(row.fieldIndex("client_id"));
      ShippedModels own = models.get(client);
      // Instant, not Timestamp: SparkSessions turn on Spark's Java 8 time API
      Instant time = row.<Instant>getAs("event_time");
      Optional<Fold> fold = own == null ? Optional.empty() : own.layout().testing(time);
      if (fold.isEmpty()) {
        continue;
      }

      int k = fold.get().index() - 1;
      ModelInput input = RowInputs.of(row);
      ScoreResult candidate = scorer(scorers, client + "/candidate/" + k, own.candidates().get(k))
          .score(input);
      String parentJson = own.parents().get(k);
      Scorer championScorer = own.champion() == null ? null
          : scorer(scorers, client + "/champion", own.champion());
      Scorer candidateScorer = scorers.get(client + "/candidate/" + k);
      Instant labelTime = row.<Instant>getAs("label_time");
      out.add(new KeyedEvent(client, new ScoredEvent(row.getString(row.fieldIndex("event_id")),
          row.getString(row.fieldIndex("customer_id")), time,
          time.atZone(ZoneId.of(own.zone())).toLocalDate(),
          orDash(candidateScorer.model().policy().regionOf(input)),
          List.of(candidateScorer.model().policy().segmentOf(input)),
          row.getString(row.fieldIndex("email")), amount(row), labelTime != null,
          labelTime, prediction(candidate),
          championScorer == null ? null : prediction(championScorer.score(input)),
          parentJson == null ? null
              : prediction(scorer(scorers, client + "/parent/" + k, parentJson).score(input)),
          live(row))));
    }

    return out.iterator();
  }

  private static Scorer scorer(Map<String, Scorer> scorers, String key, String json) {
    return scorers.computeIfAbsent(key, id -> new Scorer(ModelFormat.fromJson(json, id)));
  }

  private static Prediction prediction(ScoreResult result) {
    return new Prediction(result.score(), result.probability(), result.action(),
        result.contributions());
  }

  /** The live system's answer, when the event carries both its score and its action. */
  private static Prediction live(Row row) {
    Object score = row.get(row.fieldIndex("live_score"));
    Object action = row.get(row.fieldIndex("live_action"));
    if (!(score instanceof Number number) || action == null) {
      return null;
    }

    double value = number.doubleValue();
    return new Prediction(value, value / 100.0, Action.valueOf(action.toString()), Map.of());
  }

  private static double amount(Row row) {
    Object amount = row.get(row.fieldIndex("amount"));
    return amount instanceof Number number ? number.doubleValue() : 0.0;
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
