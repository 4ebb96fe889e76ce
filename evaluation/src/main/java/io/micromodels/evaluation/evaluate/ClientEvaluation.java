package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.gate.GateResult;
import io.micromodels.evaluation.gate.ObjectiveResult;
import io.micromodels.evaluation.metrics.ActionChangeReasons;
import io.micromodels.evaluation.metrics.Curve;
import io.micromodels.evaluation.metrics.Interval;
import io.micromodels.evaluation.metrics.PolicyBreakdown;
import io.micromodels.evaluation.metrics.TransitionMatrix;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.util.List;
import java.util.Map;

/**
 * Everything a client's backtest measured: what the report, metrics.json and the terminal show.
 * Champion-side values are null without a champion, live ones without live scores.
 *
 * @param offline the candidate over all folds, with the comparison metrics and label completeness:
 *     the values the gate checks
 * @param intervals bootstrap intervals by name ({@code candidate.pr_auc}, ...)
 * @param curves by plot: {@code pr}, {@code roc}, {@code reliability}
 * @param histograms score counts per model, 10 bins of width 10
 * @param embeddedEvents the events the report shows, largest score change first ({@link
 *     BacktestReport#EMBEDDED_EVENTS} at most)
 */
public record ClientEvaluation(
    ClientContext context,
    long rows,
    long frauds,
    List<FoldEvaluation> folds,
    Map<String, Double> offline,
    Map<String, Double> champion,
    Map<String, Double> live,
    Map<String, Double> parent,
    Map<String, Interval> intervals,
    PolicyBreakdown candidatePolicy,
    PolicyBreakdown championPolicy,
    TransitionMatrix transitions,
    ActionChangeReasons reasons,
    ParentComparison parentComparison,
    GateResult gate,
    ObjectiveResult objective,
    Map<String, List<Curve>> curves,
    Map<String, double[]> histograms,
    List<EventRow> embeddedEvents) {}
