package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.gate.Gate;
import io.micromodels.evaluation.gate.GateResult;
import io.micromodels.evaluation.gate.LabelMaturity;
import io.micromodels.evaluation.gate.MetricCatalogue;
import io.micromodels.evaluation.gate.Objective;
import io.micromodels.evaluation.gate.ObjectiveResult;
import io.micromodels.evaluation.metrics.Bootstrap;
import io.micromodels.evaluation.metrics.Curve;
import io.micromodels.evaluation.metrics.Curves;
import io.micromodels.evaluation.metrics.Interval;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.evaluation.metrics.PairedScoreSummary;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.RankCorrelation;
import io.micromodels.evaluation.metrics.ScoreComparison;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates one client's held-out events (plain Java, run inside the Spark task that holds the
 * client's rows): per fold and overall metrics of the candidate, champion, parent and live scores;
 * the champion comparison; policy impact; bootstrap intervals; the gate; the objective.
 */
public final class ClientEvaluator {
  /** Fixed, so a rerun of the same backtest gives the same intervals. */
  static final long BOOTSTRAP_SEED = 20251001L;

  private ClientEvaluator() {}

  /** {@link #evaluate(ClientContext, ClientSummary)} of the events' summary. */
  public static ClientEvaluation evaluate(ClientContext context, List<ScoredEvent> events) {
    ClientSummary summary = new ClientSummary();
    events.forEach(e -> summary.add(e, context));
    return evaluate(context, summary);
  }

  /** The evaluation of a client's held-out events, from their merged summary. */
  public static ClientEvaluation evaluate(ClientContext context, ClientSummary summary) {
    LabelCompleteness completeness = context.labelCompleteness();
    int k = context.reviewsPerDay();
    List<FoldEvaluation> folds = new ArrayList<>();
    List<Integer> matureFolds = new ArrayList<>();
    List<String> immatureFolds = new ArrayList<>();
    FoldSummary all = new FoldSummary();
    FoldSummary mature = new FoldSummary();
    for (Fold fold : context.layout().folds()) {
      FoldSummary in = summary.fold(fold.index());
      double complete = in.completeness(completeness);
      // NaN (no label history, or no rows) is not known to be mature
      boolean isMature = complete >= context.minLabelCompleteness();
      all.merge(in);
      if (isMature) {
        matureFolds.add(fold.index());
        mature.merge(in);
      } else {
        immatureFolds.add(
            String.format(
                java.util.Locale.ROOT,
                "fold %d (label completeness %.2f < %.2f)",
                fold.index(),
                complete,
                context.minLabelCompleteness()));
      }
      folds.add(
          new FoldEvaluation(
              fold,
              complete,
              isMature,
              in.metrics("candidate", k),
              in.metrics("champion", k),
              in.metrics("live", k)));
    }

    // Label-based values pool the mature folds only; with none mature, all rows (and the gate
    // says so). Label-free values (rates, asserts, comparisons) always use every row.
    LabelMaturity maturity = new LabelMaturity(matureFolds, immatureFolds);
    FoldSummary labelled = matureFolds.isEmpty() ? all : mature;
    Map<String, Double> offline = pooled(all, labelled, "candidate", k);
    Map<String, Double> champion = pooled(all, labelled, "champion", k);
    Map<String, Double> live = pooled(all, labelled, "live", k);
    Map<String, Double> parent = pooled(all, labelled, "parent", k);
    offline.putAll(comparison(context, all, champion != null));
    offline.put("label_completeness", labelled.completeness(completeness));
    Map<String, Interval> intervals = intervals(labelled, champion != null);
    GateResult gate =
        Gate.evaluate(
            context.gates(),
            offline,
            live == null ? Map.of() : live,
            champion,
            context.unmeasurableCauses(),
            maturity);
    ObjectiveResult objective =
        context.objective() == null
            ? null
            : objective(Objective.parse(context.objective()), offline, champion, labelled);
    return new ClientEvaluation(
        context,
        all.rows,
        offline.get("frauds").longValue(),
        folds,
        offline,
        champion,
        live,
        parent,
        intervals,
        all.models.get("candidate").policy.breakdown(),
        champion == null ? null : all.models.get("champion").policy.breakdown(),
        champion == null ? null : all.transitions,
        champion == null ? null : all.reasons.reasons(),
        new ParentComparison(
            offline.get("pr_auc"),
            parent == null ? Double.NaN : parent.get("pr_auc"),
            context.parentIsCandidate()),
        gate,
        objective,
        curves(labelled),
        histograms(all),
        all.embedded.rows());
  }

  /**
   * One model's overall values: every metric on all rows, then the label-based ones (and the fraud
   * count) replaced by their values on {@code labelled}, the mature folds' rows.
   */
  private static Map<String, Double> pooled(
      FoldSummary all, FoldSummary labelled, String model, int reviewsPerDay) {
    Map<String, Double> values = all.metrics(model, reviewsPerDay);
    if (values == null || labelled == all) {
      return values == null ? null : new LinkedHashMap<>(values);
    }

    Map<String, Double> mature = labelled.metrics(model, reviewsPerDay);
    Map<String, Double> result = new LinkedHashMap<>(values);
    values.keySet().stream()
        .filter(k -> k.equals("frauds") || MetricCatalogue.needsLabels(k))
        .forEach(k -> result.put(k, mature == null ? Double.NaN : mature.get(k)));
    return result;
  }

  /** The candidate-vs-champion metrics; NaN without a champion. */
  private static Map<String, Double> comparison(
      ClientContext context, FoldSummary all, boolean hasChampion) {
    Map<String, Double> m = new LinkedHashMap<>();
    ScoreComparison scores = all.comparison.comparison();
    m.put("action_change_rate", scores.actionChangeRate());
    m.put("score_difference", scores.meanAbsDifference());
    m.put("max_score_difference", scores.maxAbsDifference());
    m.put("score_rank_correlation", scores.spearman());
    m.put("population_stability_index", scores.psi());
    m.put(
        "feature_rank_correlation",
        hasChampion && context.hasChampion()
            ? RankCorrelation.spearman(
                context.candidateImportances(), context.championImportances())
            : Double.NaN);
    return m;
  }

  /**
   * Poisson-bootstrap intervals from the score buckets ({@link ScoreSummary}): a resample is a pass
   * over the buckets, where a row bootstrap sorted every resample (75 s for a client with a million
   * held-out rows, 0.03 s this way).
   */
  private static Map<String, Interval> intervals(FoldSummary labelled, boolean hasChampion) {
    Map<String, Interval> intervals = new LinkedHashMap<>();
    List<String> models = hasChampion ? List.of("candidate", "champion") : List.of("candidate");
    for (String model : models) {
      ModelSummary summary = labelled.models.get(model);
      ScoreSummary scores = summary == null ? new ScoreSummary() : summary.scores;
      intervals.put(
          model + ".pr_auc",
          scores.averagePrecisionInterval(
              Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
      intervals.put(
          model + ".roc_auc",
          scores.rocAucInterval(
              Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
    }
    return intervals;
  }

  /** The objective, with a bootstrap interval where the metric is a ranking metric. */
  private static ObjectiveResult objective(
      Objective objective,
      Map<String, Double> offline,
      Map<String, Double> champion,
      FoldSummary labelled) {
    double candidate = offline.getOrDefault(objective.metric(), Double.NaN);
    Double championValue = champion == null ? null : champion.get(objective.metric());
    boolean averagePrecision = objective.metric().equals("pr_auc");
    if (!averagePrecision && !objective.metric().equals("roc_auc")) {
      return objective.evaluate(candidate, championValue);
    }

    int resamples = Bootstrap.DEFAULT_RESAMPLES;
    double level = Bootstrap.DEFAULT_LEVEL;
    Interval ci;
    if (objective.kind() == Objective.Kind.CHANGE && champion != null) {
      PairedScoreSummary paired = labelled.comparison.paired();
      ci =
          averagePrecision
              ? paired.averagePrecisionDifference(resamples, level, BOOTSTRAP_SEED)
              : paired.rocAucDifference(resamples, level, BOOTSTRAP_SEED);
    } else {
      ScoreSummary scored = labelled.models.get("candidate").scores;
      ci =
          averagePrecision
              ? scored.averagePrecisionInterval(resamples, level, BOOTSTRAP_SEED)
              : scored.rocAucInterval(resamples, level, BOOTSTRAP_SEED);
    }

    return objective.evaluate(candidate, championValue, ci.low(), ci.high(), ci.level());
  }

  private static Map<String, List<Curve>> curves(FoldSummary labelled) {
    Map<String, List<Curve>> curves = new LinkedHashMap<>();
    curves.put("pr", new ArrayList<>());
    curves.put("roc", new ArrayList<>());
    curves.put("reliability", new ArrayList<>());
    scoring(labelled)
        .forEach(
            (name, summary) -> {
              curves.get("pr").add(Curves.precisionRecall(name, summary.scores));
              curves.get("roc").add(Curves.roc(name, summary.scores));
              curves.get("reliability").add(Curves.reliability(name, summary.scores));
            });
    return curves;
  }

  private static Map<String, double[]> histograms(FoldSummary all) {
    Map<String, double[]> histograms = new LinkedHashMap<>();
    scoring(all).forEach((name, summary) -> histograms.put(name, Curves.histogram(summary.scores)));
    return histograms;
  }

  /** The models that scored some of the events, in {@link #models}' order. */
  private static Map<String, ModelSummary> scoring(FoldSummary events) {
    Map<String, ModelSummary> scoring = new LinkedHashMap<>();
    models().keySet().stream()
        .filter(events.models::containsKey)
        .forEach(name -> scoring.put(name, events.models.get(name)));
    return scoring;
  }

  /** The models a report plots, by display name. */
  static Map<String, Function<ScoredEvent, Prediction>> models() {
    Map<String, Function<ScoredEvent, Prediction>> models = new LinkedHashMap<>();
    models.put("candidate", ScoredEvent::candidate);
    models.put("champion", ScoredEvent::champion);
    models.put("parent", ScoredEvent::parent);
    models.put("live", ScoredEvent::live);
    return models;
  }
}
