package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.gate.HappyPathTable;
import io.micromodels.evaluation.gate.ObjectiveResult;
import io.micromodels.evaluation.metrics.ActionChangeReasons;
import io.micromodels.evaluation.metrics.Interval;
import io.micromodels.evaluation.metrics.PolicyBreakdown;
import io.micromodels.evaluation.metrics.PolicyOutcome;
import io.micromodels.evaluation.metrics.TransitionMatrix;
import io.micromodels.training.policy.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.json}: a client's backtest as data, for the manifest and for machines. Undefined
 * values (NaN: no fraud in a fold, no champion) are written as null.
 */
public final class MetricsDocument {
  private MetricsDocument() {}

  public static Map<String, Object> of(ClientEvaluation e) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("client_id", e.context().clientId());
    doc.put("run_id", e.context().runId());
    doc.put("evaluated_at", e.context().layout().evaluatedAt().toString());
    doc.put("hypothesis", e.context().hypothesis());
    doc.put("objective", objective(e.objective()));
    doc.put("rows", e.rows());
    doc.put("frauds", e.frauds());
    doc.put("lineage", e.context().lineage());
    List<Object> folds = new ArrayList<>();
    for (FoldEvaluation f : e.folds()) {
      Map<String, Object> fold = new LinkedHashMap<>();
      Fold w = f.fold();
      fold.put("fold", w.index());
      fold.put("train_start", w.trainStart().toString());
      fold.put("train_end", w.trainEnd().toString());
      fold.put("cutoff", w.cutoff().toString());
      fold.put("test_start", w.testStart().toString());
      fold.put("test_end", w.testEnd().toString());
      fold.put("label_completeness", clean(f.labelCompleteness()));
      fold.put("mature", f.mature());
      fold.put("candidate", clean(f.candidate()));
      fold.put("champion", clean(f.champion()));
      fold.put("live", clean(f.live()));
      folds.add(fold);
    }

    doc.put("folds", folds);
    doc.put("min_label_completeness", e.context().minLabelCompleteness());
    doc.put("label_metrics_folds", labelMetricsFolds(e));
    Map<String, Object> overall = new LinkedHashMap<>();
    overall.put("candidate", clean(e.offline()));
    overall.put("champion", clean(e.champion()));
    overall.put("live", clean(e.live()));
    overall.put("parent", clean(e.parent()));
    doc.put("overall", overall);
    Map<String, Object> intervals = new LinkedHashMap<>();
    e.intervals().forEach((name, i) -> intervals.put(name, interval(i)));
    doc.put("confidence_intervals", intervals);
    // LinkedHashMap, not Map.of: Map.of's iteration order changes from JVM to JVM, and the
    // document's bytes with it (docs/reliability.md, "Real standalone cluster").
    Map<String, Object> policies = new LinkedHashMap<>();
    policies.put("candidate", policy(e.candidatePolicy()));
    policies.put("champion", e.championPolicy() == null ? Map.of() : policy(e.championPolicy()));
    doc.put("policy", policies);
    doc.put("transitions", transitions(e.transitions()));
    doc.put("action_change_reasons", reasons(e.reasons()));
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("candidate_pr_auc", clean(e.parentComparison().candidatePrAuc()));
    parent.put("parent_pr_auc", clean(e.parentComparison().parentPrAuc()));
    parent.put("recommend_fallback", e.parentComparison().recommendFallback());
    parent.put("verdict", e.parentComparison().verdict());
    doc.put("parent_comparison", parent);
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("passed", e.gate().passed());
    gate.put("failures", e.gate().failures());
    gate.put("checks", HappyPathTable.rows(e.gate()));
    doc.put("gate", gate);
    doc.put("drift", drift(e.context().drift()));
    return doc;
  }

  /** Per drift variable its index per fold (null where not measured); null when not measured. */
  static Object drift(Drift drift) {
    if (drift == null) {
      return null;
    }

    Map<String, Object> variables = new LinkedHashMap<>();
    for (Drift.Variable v : drift.variables()) {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("psi_per_fold", v.psi().stream().map(MetricsDocument::clean).toList());
      variable.put("max", clean(v.max()));
      variable.put("status", v.status());
      variables.put(v.name(), variable);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("reference", drift.reference());
    doc.put("variables", variables);
    return doc;
  }

  static Object objective(ObjectiveResult r) {
    if (r == null) {
      return null;
    }

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metric", r.objective().metric());
    m.put("requirement", r.objective().requirement());
    m.put("met", r.met());
    m.put("confident", r.confident());
    m.put("observed", r.observed());
    m.put("ci_low", r.ciLow());
    m.put("ci_high", r.ciHigh());
    m.put("level", r.level());
    m.put("statement", r.statement());
    return m;
  }

  private static Map<String, Object> interval(Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("low", clean(i.low()));
    m.put("high", clean(i.high()));
    m.put("level", i.level());
    return m;
  }

  private static Map<String, Object> policy(PolicyBreakdown b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overall", outcome(b.overall()));
    Map<String, Object> regions = new LinkedHashMap<>();
    b.byRegion().forEach((k, v) -> regions.put(k, outcome(v)));
    m.put("by_region", regions);
    Map<String, Object> segments = new LinkedHashMap<>();
    b.bySegment().forEach((k, v) -> segments.put(k, outcome(v)));
    m.put("by_segment", segments);
    return m;
  }

  static Map<String, Object> outcome(PolicyOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", o.rows());
    m.put("frauds", o.frauds());
    m.put("block_rate", clean(o.blockRate()));
    m.put("review_rate", clean(o.reviewRate()));
    m.put("fraud_caught", clean(o.fraudCaught()));
    m.put("fraud_caught_amount", clean(o.fraudCaughtByAmount()));
    m.put("false_positive_rate", clean(o.falsePositiveRate()));
    return m;
  }

  private static Object transitions(TransitionMatrix t) {
    if (t == null) {
      return null;
    }

    Map<String, Object> m = new LinkedHashMap<>();
    for (TransitionMatrix.Label label : TransitionMatrix.Label.values()) {
      List<Object> cells = new ArrayList<>();
      for (Action from : Action.values()) {
        for (Action to : Action.values()) {
          Map<String, Object> cell = new LinkedHashMap<>();
          cell.put("champion", from.name());
          cell.put("candidate", to.name());
          cell.put("count", t.count(label, from, to));
          cell.put("amount", t.amount(label, from, to));
          cell.put("share", clean(t.share(label, from, to)));
          cells.add(cell);
        }
      }

      m.put(label.name().toLowerCase(java.util.Locale.ROOT), cells);
    }

    return m;
  }

  private static Object reasons(ActionChangeReasons r) {
    if (r == null) {
      return null;
    }

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flips", r.flips());
    m.put("unattributed", r.unattributed());
    List<Object> drivers = new ArrayList<>();
    r.drivers()
        .forEach(
            d -> {
              Map<String, Object> driver = new LinkedHashMap<>();
              driver.put("contribution", d.contribution());
              driver.put("flips", d.flips());
              driver.put("mean_shift", d.meanShift());
              drivers.add(driver);
            });
    m.put("drivers", drivers);
    return m;
  }

  static Map<String, Object> clean(Map<String, Double> values) {
    if (values == null) {
      return null;
    }

    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, clean(v)));
    return m;
  }

  static Double clean(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? null : value;
  }

  /**
   * The folds the overall label-based values pool: the mature ones; every fold when none is mature
   * (then the values are on immature labels, and the gate says so).
   */
  static List<Integer> labelMetricsFolds(ClientEvaluation e) {
    List<Integer> mature =
        e.folds().stream().filter(FoldEvaluation::mature).map(f -> f.fold().index()).toList();
    return mature.isEmpty() ? e.folds().stream().map(f -> f.fold().index()).toList() : mature;
  }
}
