package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.policy.Action;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.spark.RowInputs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * One client's models, read in the task from the files its {@link ClientPlan} names, scoring its
 * held-out feature rows through the same {@link Scorer} the live service embeds: each row with its
 * fold's candidate, the champion and the fold's parent.
 */
final class LoadedClient {
  private final String clientId;
  private final ClientPlan plan;
  private final List<Scorer> candidates = new ArrayList<>();
  private final List<Scorer> parents = new ArrayList<>();
  private final Scorer champion;

  private LoadedClient(String clientId, ClientPlan plan) {
    this.clientId = clientId;
    this.plan = plan;
    plan.candidateFiles().forEach(f -> candidates.add(scorer(f)));
    // the train job writes no parent.json where the candidate already is the global model
    plan.parentFiles().forEach(f -> parents.add(f == null ? null : scorerIfExists(f)));
    this.champion = plan.championFile() == null ? null : scorer(plan.championFile());
  }

  static LoadedClient load(String clientId, ClientPlan plan) {
    if (plan == null) {
      throw new IllegalStateException("no backtest plan for client " + clientId);
    }

    return new LoadedClient(clientId, plan);
  }

  /** The evaluation's context, completed with what comes from the latest fold and the champion. */
  ClientContext context() {
    ClientModel last = candidates.get(candidates.size() - 1).model();
    return plan.context().withModels(last, champion == null ? null : champion.model());
  }

  /** The row scored by its fold's models; empty when it lies in none of the client's folds. */
  Optional<ScoredEvent> score(Row row) {
    // Instant, not Timestamp: SparkSessions turn on Spark's Java 8 time API
    Instant time = row.<Instant>getAs("event_time");
    Optional<Fold> fold = plan.layout().testing(time);
    if (fold.isEmpty()) {
      return Optional.empty();
    }

    int k = fold.get().index() - 1;
    ModelInput input = RowInputs.of(row);
    Scorer candidate = candidates.get(k);
    Scorer parent = parents.get(k);
    Instant labelTime = row.<Instant>getAs("label_time");
    return Optional.of(
        new ScoredEvent(
            row.getString(row.fieldIndex("event_id")),
            row.getString(row.fieldIndex("customer_id")),
            time,
            time.atZone(ZoneId.of(plan.zone())).toLocalDate(),
            orDash(candidate.model().policy().regionOf(input)),
            List.of(candidate.model().policy().segmentOf(input)),
            row.getString(row.fieldIndex("email")),
            amount(row),
            labelTime != null,
            labelTime,
            prediction(candidate.score(input)),
            champion == null ? null : prediction(champion.score(input)),
            parent == null ? null : prediction(parent.score(input)),
            live(row)));
  }

  private Scorer scorer(String file) {
    Scorer scorer = scorerIfExists(file);
    if (scorer == null) {
      throw new IllegalStateException("model file of client " + clientId + " is missing: " + file);
    }

    return scorer;
  }

  private static Scorer scorerIfExists(String file) {
    String json = BacktestFiles.readIfExists(file);
    return json == null ? null : new Scorer(ModelFormat.fromJson(json, file));
  }

  private static Prediction prediction(ScoreResult result) {
    return new Prediction(
        result.score(), result.probability(), result.action(), result.contributions());
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
