package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.metrics.ActionChangeReasons;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoreComparison;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.metrics.TransitionMatrix;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out events of one test window (or of several, merged) as mergeable summaries: per model
 * ({@link ClientEvaluator#models}) its {@link ModelSummary}, and the candidate-champion comparison,
 * transitions, action-change reasons, label maturity and the report's events.
 */
final class FoldSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  final Map<String, ModelSummary> models = new LinkedHashMap<>();
  final ScoreComparison.Tally comparison = new ScoreComparison.Tally();
  final TransitionMatrix transitions = new TransitionMatrix();
  final ActionChangeReasons.Tally reasons = new ActionChangeReasons.Tally();
  final TopEvents embedded = new TopEvents(BacktestReport.EMBEDDED_EVENTS);
  long rows;

  /** Sum over the events of the share of their eventual labels known ({@link #completeness}). */
  double knownLabels;

  FoldSummary add(ScoredEvent event, ClientContext context) {
    rows++;
    LabelCompleteness completeness = context.labelCompleteness();
    if (completeness.historySize() > 0) {
      knownLabels += completeness.known(context.layout().evaluatedAt(), event.eventTime());
    }
    ClientEvaluator.models()
        .forEach(
            (name, which) -> {
              Prediction prediction = which.apply(event);
              if (prediction != null) {
                models
                    .computeIfAbsent(name, n -> new ModelSummary())
                    .add(event, prediction, context.asserted());
              }
            });
    comparison.add(event);
    transitions.add(event);
    reasons.add(event);
    embedded.add(event);
    return this;
  }

  FoldSummary merge(FoldSummary other) {
    other.models.forEach(
        (name, summary) -> models.computeIfAbsent(name, n -> new ModelSummary()).merge(summary));
    comparison.merge(other.comparison);
    transitions.merge(other.transitions);
    reasons.merge(other.reasons);
    embedded.merge(other.embedded);
    rows += other.rows;
    knownLabels += other.knownLabels;
    return this;
  }

  /** {@link ModelSummary#compact} of every model. */
  FoldSummary compact(int reviewsPerDay, int days) {
    models.values().forEach(m -> m.compact(reviewsPerDay, days));
    return this;
  }

  /** {@link LabelCompleteness#completeness} of these events: NaN without history or rows. */
  double completeness(LabelCompleteness completeness) {
    return completeness.historySize() == 0 || rows == 0 ? Double.NaN : knownLabels / rows;
  }

  /** {@link ModelMetrics} of one model; null when it scored none of the events. */
  Map<String, Double> metrics(String model, int reviewsPerDay) {
    ModelSummary summary = models.get(model);
    return summary == null ? null : ModelMetrics.of(summary, reviewsPerDay);
  }
}
