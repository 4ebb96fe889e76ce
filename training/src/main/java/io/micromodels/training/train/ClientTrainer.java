package io.micromodels.training.train;

import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.Fallback;
import io.micromodels.training.artifact.ScoringModel;
import io.micromodels.training.artifact.TrainingSummary;
import java.util.List;
import java.util.Map;

/**
 * Trains one client: its own scoring model, or the global model when it has fewer fraud labels than
 * {@code min_fraud_labels}; then its score scale and policy, inside one Spark task (LIBLINEAR
 * rows); a client above its row cap comes sampled (every fraud, a share of the genuine rows) and
 * its calibration and policy are corrected for it.
 */
public final class ClientTrainer {
  private ClientTrainer() {}

  /**
   * @param global the global model, or null when no client declares global micromodels
   * @param champion the client's production model, or null
   */
  public static ClientModel train(
      ClientSpec spec, TrainingRows rows, GlobalModel global, ClientModel champion) {
    TrainingRows.Counts counts = rows.counts();
    TrainingRows.Counts validation = rows.slice(Slice.validation()).counts();
    ScoringModel scoring;
    Fallback fallback;
    if (counts.frauds() < spec.minFraudLabels()) {
      if (global == null) {
        throw new TrainingException(
            "Cannot train client "
                + spec.clientId()
                + ": "
                + counts.frauds()
                + " fraud labels in its training window, min_fraud_labels is "
                + spec.minFraudLabels()
                + ", and no global micromodels are configured to fall back"
                + " on. Declare a micromodel with `scope: global` or lower min_fraud_labels.");
      }

      scoring = global.scoring();
      fallback = Fallback.global(counts.frauds(), spec.minFraudLabels());
    } else {
      Map<String, OutOfFold> shared = global == null ? Map.of() : global.outOfFold();
      scoring = ModelTrainer.train(spec.plan(), rows, shared).scoring();
      fallback = Fallback.own(counts.frauds(), spec.minFraudLabels());
    }

    return assemble(spec, rows, scoring, champion, fallback, counts, validation);
  }

  /**
   * The client's parent: the global model with the client's own score scale and policy, fitted on
   * the same validation slice, so a backtest can tell whether the client's own model beats it.
   */
  public static ClientModel parent(
      ClientSpec spec, TrainingRows rows, GlobalModel global, ClientModel champion) {
    TrainingRows.Counts counts = rows.counts();
    return assemble(
        spec,
        rows,
        global.scoring(),
        champion,
        Fallback.parent(counts.frauds(), spec.minFraudLabels()),
        counts,
        rows.slice(Slice.validation()).counts());
  }

  private static ClientModel assemble(
      ClientSpec spec,
      TrainingRows rows,
      ScoringModel scoring,
      ClientModel champion,
      Fallback fallback,
      TrainingRows.Counts counts,
      TrainingRows.Counts validation) {
    TrainingWindow window = spec.window();
    TrainingSummary summary =
        new TrainingSummary(
            window.start(),
            window.validationStart(),
            window.end(),
            counts.rows(),
            counts.frauds(),
            validation.rows(),
            validation.frauds(),
            rows.solver(),
            Folds.COUNT,
            rows.genuineSampleRate());
    List<LabelledRow> recent =
        UniformSample.of(rows.slice(Slice.validation()).materialise(), rows.genuineSampleRate());
    return ClientModelAssembler.assemble(spec, scoring, recent, champion, fallback, summary);
  }
}
