package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.gate.Gate;
import io.micromodels.evaluation.gate.GateResult;
import io.micromodels.evaluation.gate.LabelMaturity;
import io.micromodels.evaluation.gate.MetricCatalogue;
import io.micromodels.evaluation.gate.Objective;
import io.micromodels.evaluation.gate.ObjectiveResult;
import io.micromodels.evaluation.metrics.ActionChangeReasons;
import io.micromodels.evaluation.metrics.Bootstrap;
import io.micromodels.evaluation.metrics.Curve;
import io.micromodels.evaluation.metrics.Curves;
import io.micromodels.evaluation.metrics.Interval;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.evaluation.metrics.PairedScoreSummary;
import io.micromodels.evaluation.metrics.PolicyMetrics;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.RankCorrelation;
import io.micromodels.evaluation.metrics.ScoreComparison;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.metrics.TransitionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates one client's held-out events (plain Java, run inside the Spark task that holds the
 * client's rows): per fold and overall metrics of the candidate, champion, parent and live
 * scores; the champion comparison; policy impact; bootstrap intervals; the gate; the objective.
 */
public final class ClientEvaluator {
  /** Fixed, so a rerun of the same backtest gives the same intervals. */
  static final long BOOTSTRAP_SEED = 20251001L;

  private ClientEvaluator() {}

  public static ClientEvaluation evaluate(ClientContext context, List<ScoredEvent> events) {
    LabelCompleteness completeness = context.labelCompleteness();
    List<FoldEvaluation> folds = new ArrayList<>();
    List<Integer> matureFolds = new ArrayList<>();
    List<String> immatureFolds = new ArrayList<>();
    List<ScoredEvent> matureEvents = new ArrayList<>();
    for (Fold fold : context.layout().folds()) {
      List<ScoredEvent> in = events.stream().filter(e -> fold.tests(e.eventTime())).toList();
      double complete = completeness(completeness, context, in);
      // NaN (no label history, or no rows) is not known to be mature
      boolean mature = complete >= context.minLabelCompleteness();
      if (mature) {
        matureFolds.add(fold.index());
        matureEvents.addAll(in);
      } else {
        immatureFolds.add(String.format(java.util.Locale.ROOT,
            "fold %d (label completeness %.2f < %.2f)", fold.index(), complete,
            context.minLabelCompleteness()));
      }
      folds.add(new FoldEvaluation(fold, complete, mature,
          metrics(context, in, ScoredEvent::candidate),
          metrics(context, in, ScoredEvent::champion),
          metrics(context, in, ScoredEvent::live)));
    }

    // Label-based values pool the mature folds only; with none mature, all rows (and the gate
    // says so). Label-free values (rates, asserts, comparisons) always use every row.
    LabelMaturity maturity = new LabelMaturity(matureFolds, immatureFolds);
    List<ScoredEvent> labelled = matureFolds.isEmpty() ? events : matureEvents;
    Map<String, Double> offline = pooled(context, events, labelled, ScoredEvent::candidate);
    Map<String, Double> champion = pooled(context, events, labelled, ScoredEvent::champion);
    Map<String, Double> live = pooled(context, events, labelled, ScoredEvent::live);
    Map<String, Double> parent = pooled(context, events, labelled, ScoredEvent::parent);
    offline.putAll(comparison(context, events, champion != null));
    offline.put("label_completeness", completeness(completeness, context, labelled));
    Map<String, Interval> intervals = intervals(labelled, champion != null);
    GateResult gate = Gate.evaluate(context.gates(), offline, live == null ? Map.of() : live,
        champion, context.unmeasurableCauses(), maturity);
    ObjectiveResult objective = context.objective() == null ? null
        : objective(Objective.parse(context.objective()), offline, champion, labelled);
    return new ClientEvaluation(context, events.size(), offline.get("frauds").longValue(), folds,
        offline, champion, live, parent, intervals,
        PolicyMetrics.byGroup(events, ScoredEvent::candidate),
        champion == null ? null : PolicyMetrics.byGroup(events, ScoredEvent::champion),
        champion == null ? null : TransitionMatrix.of(events),
        champion == null ? null : ActionChangeReasons.of(events),
        new ParentComparison(offline.get("pr_auc"),
            parent == null ? Double.NaN : parent.get("pr_auc"), context.parentIsCandidate()),
        gate, objective, curves(labelled), histograms(events));
  }

  /**
   * One model's overall values: every metric on all rows, then the label-based ones (and the
   * fraud count) replaced by their values on {@code labelled}, the mature folds' rows.
   */
  private static Map<String, Double> pooled(ClientContext context, List<ScoredEvent> all,
      List<ScoredEvent> labelled, Function<ScoredEvent, Prediction> which) {
    Map<String, Double> values = metrics(context, all, which);
    if (values == null || labelled == all) {
      return values == null ? null : new LinkedHashMap<>(values);
    }

    Map<String, Double> mature = metrics(context, labelled, which);
    Map<String, Double> result = new LinkedHashMap<>(values);
    values.keySet().stream()
        .filter(k -> k.equals("frauds") || MetricCatalogue.needsLabels(k))
        .forEach(k -> result.put(k, mature == null ? Double.NaN : mature.get(k)));
    return result;
  }

  /** {@link ModelMetrics#of} with the client's settings; null when the model scored nothing. */
  private static Map<String, Double> metrics(ClientContext context, List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which) {
    return ModelMetrics.of(events, which, context.reviewsPerDay(), context.asserted());
  }

  private static double completeness(LabelCompleteness completeness, ClientContext context,
      List<ScoredEvent> events) {
    return completeness.completeness(context.layout().evaluatedAt(),
        events.stream().map(ScoredEvent::eventTime).toList());
  }

  /** The candidate-vs-champion metrics; NaN without a champion. */
  private static Map<String, Double> comparison(ClientContext context, List<ScoredEvent> events,
      boolean hasChampion) {
    Map<String, Double> m = new LinkedHashMap<>();
    ScoreComparison scores = ScoreComparison.of(events);
    m.put("action_change_rate", scores.actionChangeRate());
    m.put("score_difference", scores.meanAbsDifference());
    m.put("max_score_difference", scores.maxAbsDifference());
    m.put("score_rank_correlation", scores.spearman());
    m.put("population_stability_index", scores.psi());
    m.put("feature_rank_correlation", hasChampion && context.hasChampion()
        ? RankCorrelation.spearman(context.candidateImportances(), context.championImportances())
        : Double.NaN);
    return m;
  }

  /**
   * Poisson-bootstrap intervals from the score buckets ({@link ScoreSummary}): a resample is a
   * pass over the buckets, where a row bootstrap sorted every resample (75 s for a client with
   * a million held-out rows, 0.03 s this way).
   */
  private static Map<String, Interval> intervals(List<ScoredEvent> events, boolean hasChampion) {
    Map<String, Interval> intervals = new LinkedHashMap<>();
    ScoreSummary candidate = summary(events, ScoredEvent::candidate);
    intervals.put("candidate.pr_auc", candidate.averagePrecisionInterval(
        Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
    intervals.put("candidate.roc_auc", candidate.rocAucInterval(
        Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
    if (hasChampion) {
      ScoreSummary champion = summary(events, ScoredEvent::champion);
      intervals.put("champion.pr_auc", champion.averagePrecisionInterval(
          Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
      intervals.put("champion.roc_auc", champion.rocAucInterval(
          Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_LEVEL, BOOTSTRAP_SEED));
    }

    return intervals;
  }

  /** One model's summary of the events it scored. */
  private static ScoreSummary summary(List<ScoredEvent> events,
      Function<ScoredEvent, Prediction> which) {
    ScoreSummary summary = new ScoreSummary();
    for (ScoredEvent e : events) {
      Prediction p = which.apply(e);
      if (p != null) {
        summary.add(p.score(), p.probability(), e.fraud());
      }
    }
    return summary;
  }

  /** The objective, with a bootstrap interval where the metric is a ranking metric. */
  private static ObjectiveResult objective(Objective objective, Map<String, Double> offline,
      Map<String, Double> champion, List<ScoredEvent> events) {
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
      PairedScoreSummary paired = new PairedScoreSummary();
      events.stream().filter(e -> e.champion() != null)
          .forEach(e -> paired.add(e.candidate().score(), e.champion().score(), e.fraud()));
      ci = averagePrecision ? paired.averagePrecisionDifference(resamples, level, BOOTSTRAP_SEED)
          : paired.rocAucDifference(resamples, level, BOOTSTRAP_SEED);
    } else {
      ScoreSummary scored = summary(events, ScoredEvent::candidate);
      ci = averagePrecision ? scored.averagePrecisionInterval(resamples, level, BOOTSTRAP_SEED)
          : scored.rocAucInterval(resamples, level, BOOTSTRAP_SEED);
    }

    return objective.evaluate(candidate, championValue, ci.low(), ci.high(), ci.level());
  }

  private static Map<String, List<Curve>> curves(List<ScoredEvent> events) {
    Map<String, List<Curve>> curves = new LinkedHashMap<>();
    curves.put("pr", new ArrayList<>());
    curves.put("roc", new ArrayList<>());
    curves.put("reliability", new ArrayList<>());
    models().forEach((name, which) -> {
      List<ScoredEvent> scored = events.stream().filter(e -> which.apply(e) != null).toList();
      if (scored.isEmpty()) {
        return;
      }

      double[] scores = scores(scored, which);
      boolean[] fraud = fraud(scored);
      curves.get("pr").add(Curves.precisionRecall(name, scores, fraud));
      curves.get("roc").add(Curves.roc(name, scores, fraud));
      curves.get("reliability").add(Curves.reliability(name,
          scored.stream().mapToDouble(e -> which.apply(e).probability()).toArray(), fraud,
          ModelMetrics.CALIBRATION_BINS));
    });
    return curves;
  }

  private static Map<String, double[]> histograms(List<ScoredEvent> events) {
    Map<String, double[]> histograms = new LinkedHashMap<>();
    models().forEach((name, which) -> {
      double[] scores = scores(events.stream().filter(e -> which.apply(e) != null).toList(), which);
      if (scores.length > 0) {
        histograms.put(name, Curves.histogram(scores));
      }
    });
    return histograms;
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

  private static double[] scores(List<ScoredEvent> events, Function<ScoredEvent, Prediction> which) {
    return events.stream().mapToDouble(e -> which.apply(e).score()).toArray();
  }

  private static boolean[] fraud(List<ScoredEvent> events) {
    boolean[] fraud = new boolean[events.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = events.get(i).fraud();
    }

    return fraud;
  }
}
