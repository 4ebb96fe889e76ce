package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.gate.GateCheck;
import io.micromodels.evaluation.gate.ObjectiveResult;
import io.micromodels.evaluation.metrics.ActionChangeReasons;
import io.micromodels.evaluation.metrics.Curve;
import io.micromodels.evaluation.metrics.Curves;
import io.micromodels.evaluation.metrics.Interval;
import io.micromodels.evaluation.metrics.PolicyBreakdown;
import io.micromodels.evaluation.metrics.PolicyOutcome;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.metrics.TransitionMatrix;
import io.micromodels.evaluation.report.ReportFormat;
import io.micromodels.evaluation.report.ReportModel;
import io.micromodels.evaluation.report.ReportModel.CurvePlot;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import io.micromodels.evaluation.report.ReportModel.HappyPathRow;
import io.micromodels.evaluation.report.ReportModel.Section;
import io.micromodels.evaluation.report.ReportModel.Series;
import io.micromodels.evaluation.report.ReportModel.ShapePlot;
import io.micromodels.evaluation.report.ReportModel.Table;
import io.micromodels.training.artifact.AdditiveShapes;
import io.micromodels.training.artifact.AdditiveShapes.InputShape;
import io.micromodels.training.artifact.AdditiveShapes.MicromodelShapes;
import io.micromodels.training.policy.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a client's evaluation into the report's model (the renderer computes nothing). */
public final class BacktestReport {
  /** Events embedded in the page: the largest score changes first; scores.csv.gz has them all. */
  public static final int EMBEDDED_EVENTS = 20_000;

  private static final List<String> SHOWN =
      List.of(
          "rows",
          "frauds",
          "pr_auc",
          "roc_auc",
          "log_loss",
          "brier",
          "calibration_difference",
          "expected_calibration_error",
          "precision_at_k",
          "card_precision_at_k",
          "event_precision_at_k",
          "block_rate",
          "review_rate",
          "fraud_caught",
          "fraud_caught_amount",
          "false_positive_rate",
          "prevented_asserts");
  private static final List<String> COMPARED =
      List.of(
          "action_change_rate",
          "score_difference",
          "max_score_difference",
          "score_rank_correlation",
          "feature_rank_correlation",
          "population_stability_index",
          "label_completeness");

  private BacktestReport() {}

  public static ReportModel model(ClientEvaluation e) {
    List<Section> sections = new ArrayList<>();
    sections.add(overall(e));
    sections.add(folds(e));
    sections.add(policy(e));
    sections.add(champion(e));
    sections.add(
        new Section(
            "Parent comparison", List.of(e.parentComparison().verdict()), List.of(), List.of()));
    sections.add(plots(e));
    sections.addAll(shapes(e.context().candidateShapes(), e.context().championShapes()));
    if (e.context().drift() != null) {
      sections.add(drift(e.context().drift(), e.context().layout()));
    }

    List<EventRow> rows = e.embeddedEvents();
    List<ReportModel.LineageEntry> lineage = new ArrayList<>();
    e.context().lineage().forEach((k, v) -> lineage.add(new ReportModel.LineageEntry(k, v)));
    return new ReportModel(
        new ReportModel.Header(
            "Backtest of " + e.context().clientId(),
            e.context().clientId(),
            e.context().layout().evaluatedAt().toString(),
            e.context().runId()),
        objective(e),
        happyPath(e),
        sections,
        rows,
        lineage);
  }

  /** One row per held-out event, in the events' order: scores.csv.gz and the page's table. */
  public static List<EventRow> eventRows(List<ScoredEvent> events) {
    return events.stream().map(BacktestReport::eventRow).toList();
  }

  /** An event's row of scores.csv.gz and of the page's table. */
  public static EventRow eventRow(ScoredEvent ev) {
    Double champion = ev.champion() == null ? null : ev.champion().score();
    return new EventRow(
        ev.eventId(),
        ev.customerId(),
        ev.email(),
        ev.candidate().score(),
        champion,
        champion == null ? null : Math.abs(ev.candidate().score() - champion),
        ev.candidate().action().name(),
        ev.champion() == null ? null : ev.champion().action().name());
  }

  private static List<HappyPathRow> happyPath(ClientEvaluation e) {
    List<HappyPathRow> rows = new ArrayList<>();
    for (GateCheck c : e.gate().checks()) {
      rows.add(
          HappyPathRow.of(
              c.name(),
              c.offline(),
              c.live(),
              c.champion(),
              c.bound(),
              switch (c.status()) {
                case PASS -> ReportModel.Status.PASS;
                case FAIL -> ReportModel.Status.FAIL;
                case NOT_CHECKED -> ReportModel.Status.NOT_CHECKED;
              }));
    }

    return rows;
  }

  private static ReportModel.Objective objective(ClientEvaluation e) {
    ObjectiveResult r = e.objective();
    if (r == null) {
      return null;
    }

    return new ReportModel.Objective(
        e.context().hypothesis() == null ? "-" : e.context().hypothesis(),
        e.context().objective(),
        Boolean.TRUE.equals(r.met()) ? ReportModel.Outcome.MET : ReportModel.Outcome.NOT_MET,
        ReportFormat.number(r.observed()),
        r.statement());
  }

  private static Section overall(ClientEvaluation e) {
    List<List<String>> rows = new ArrayList<>();
    for (String metric : SHOWN) {
      rows.add(
          List.of(
              metric,
              cell(e.offline(), metric),
              cell(e.champion(), metric),
              cell(e.live(), metric),
              cell(e.parent(), metric),
              interval(e, "candidate." + metric),
              interval(e, "champion." + metric)));
    }

    return new Section(
        "Overall",
        List.of(
            "Labels as known at "
                + e.context().layout().evaluatedAt()
                + "; label completeness "
                + ReportFormat.percent(e.offline().get("label_completeness"))
                + " (the expected share of eventual fraud labels known by then, from the client's own"
                + " label-delay curve). "
                + maturity(e),
            "Precision at k: k = "
                + e.context().reviewsPerDay()
                + " reviews per day (backtest.reviews_per_day); card precision leaves out customers"
                + " found as fraud on an earlier day, and card and event precision divide every day by"
                + " k."),
        List.of(
            new Table(
                "Metrics: candidate, champion, live scores, parent (global) model",
                List.of(
                    "metric",
                    "candidate",
                    "champion",
                    "live",
                    "parent",
                    "candidate 95% CI",
                    "champion 95% CI"),
                rows)),
        List.of());
  }

  private static Section folds(ClientEvaluation e) {
    List<List<String>> rows = new ArrayList<>();
    for (FoldEvaluation f : e.folds()) {
      rows.add(
          List.of(
              String.valueOf(f.fold().index()),
              day(f.fold().trainStart()) + " – " + day(f.fold().trainEnd()),
              day(f.fold().testStart()) + " – " + day(f.fold().testEnd()),
              ReportFormat.percent(f.labelCompleteness()),
              count(f.candidate(), "rows"),
              count(f.candidate(), "frauds"),
              cell(f.candidate(), "pr_auc"),
              cell(f.champion(), "pr_auc"),
              cell(f.live(), "pr_auc"),
              cell(f.candidate(), "roc_auc"),
              cell(f.champion(), "roc_auc"),
              cell(f.candidate(), "calibration_difference"),
              percent(f.candidate(), "block_rate"),
              percent(f.candidate(), "fraud_caught")));
    }

    return new Section(
        "Per fold",
        List.of(),
        List.of(
            new Table(
                "Walk-forward folds (train"
                    + " windows end label-delay days before their test windows)",
                List.of(
                    "fold",
                    "train",
                    "test",
                    "label completeness",
                    "rows",
                    "frauds",
                    "PR-AUC",
                    "PR-AUC champion",
                    "PR-AUC live",
                    "ROC AUC",
                    "ROC AUC champion",
                    "calibration diff",
                    "block rate",
                    "fraud caught"),
                rows)),
        List.of());
  }

  private static Section policy(ClientEvaluation e) {
    List<List<String>> rows = new ArrayList<>();
    addPolicyRow(
        rows,
        "overall",
        e.candidatePolicy().overall(),
        e.championPolicy() == null ? null : e.championPolicy().overall());
    e.candidatePolicy()
        .byRegion()
        .forEach(
            (region, outcome) ->
                addPolicyRow(
                    rows,
                    "region " + region,
                    outcome,
                    champion(e, PolicyBreakdown::byRegion, region)));
    e.candidatePolicy()
        .bySegment()
        .forEach(
            (segment, outcome) ->
                addPolicyRow(
                    rows,
                    "segment " + segment,
                    outcome,
                    champion(e, PolicyBreakdown::bySegment, segment)));
    return new Section(
        "Policy impact",
        List.of(),
        List.of(
            new Table(
                "Champion → candidate under" + " the client's policy",
                List.of(
                    "group",
                    "rows",
                    "block rate",
                    "review rate",
                    "fraud caught",
                    "fraud caught (amount)",
                    "false-positive rate"),
                rows)),
        List.of());
  }

  private static PolicyOutcome champion(
      ClientEvaluation e, Function<PolicyBreakdown, Map<String, PolicyOutcome>> group, String key) {
    return e.championPolicy() == null ? null : group.apply(e.championPolicy()).get(key);
  }

  private static void addPolicyRow(
      List<List<String>> rows, String group, PolicyOutcome candidate, PolicyOutcome champion) {
    rows.add(
        List.of(
            group,
            String.valueOf(candidate.rows()),
            change(champion == null ? null : champion.blockRate(), candidate.blockRate()),
            change(champion == null ? null : champion.reviewRate(), candidate.reviewRate()),
            change(champion == null ? null : champion.fraudCaught(), candidate.fraudCaught()),
            change(
                champion == null ? null : champion.fraudCaughtByAmount(),
                candidate.fraudCaughtByAmount()),
            change(
                champion == null ? null : champion.falsePositiveRate(),
                candidate.falsePositiveRate())));
  }

  private static String change(Double champion, double candidate) {
    return ReportFormat.percent(champion) + " → " + ReportFormat.percent(candidate);
  }

  /** One row per drift variable: its index per fold and its status by the largest. */
  private static Section drift(Drift drift, FoldLayout layout) {
    List<String> columns = new ArrayList<>(List.of("variable"));
    layout.folds().forEach(f -> columns.add("fold " + f.index() + " PSI"));
    columns.add("status");
    List<List<String>> rows = new ArrayList<>();
    for (Drift.Variable v : drift.variables()) {
      List<String> row = new ArrayList<>(List.of(v.name()));
      v.psi().forEach(psi -> row.add(ReportFormat.number(psi)));
      row.add(v.status());
      rows.add(row);
    }

    return new Section(
        "Drift",
        List.of(
            "Population stability index of each test window against "
                + drift.reference()
                + ": reference deciles plus a bin for missing values; below "
                + Drift.MODERATE
                + " stable, from "
                + Drift.SHIFTED
                + " shifted. \""
                + Drift.SCORE
                + "\" is the production model's score."),
        List.of(new Table("Drift per fold", columns, rows)),
        List.of());
  }

  private static Section champion(ClientEvaluation e) {
    List<Table> tables = new ArrayList<>();
    List<List<String>> compared = new ArrayList<>();
    COMPARED.forEach(m -> compared.add(List.of(m, cell(e.offline(), m))));
    tables.add(new Table("Candidate vs champion", List.of("metric", "value"), compared));
    TransitionMatrix t = e.transitions();
    if (t != null) {
      for (TransitionMatrix.Label label : TransitionMatrix.Label.values()) {
        List<List<String>> rows = new ArrayList<>();
        for (Action from : Action.values()) {
          List<String> row = new ArrayList<>(List.of(from.name()));
          for (Action to : Action.values()) {
            row.add(
                t.count(label, from, to)
                    + " ("
                    + ReportFormat.percent(t.share(label, from, to))
                    + ", amount "
                    + ReportFormat.percent(t.amountShare(label, from, to))
                    + ")");
          }

          rows.add(row);
        }

        tables.add(
            new Table(
                "Action transitions of "
                    + label.name().toLowerCase(java.util.Locale.ROOT)
                    + " events: champion (rows) → candidate (columns); count (share of rows, share of"
                    + " amount)",
                List.of("champion \\ candidate", "ALLOW", "REVIEW", "PREVENT"),
                rows));
      }
    }

    ActionChangeReasons reasons = e.reasons();
    if (reasons != null) {
      List<List<String>> rows = new ArrayList<>();
      reasons
          .drivers()
          .forEach(
              d ->
                  rows.add(
                      List.of(
                          d.contribution(),
                          String.valueOf(d.flips()),
                          ReportFormat.number(d.meanShift()))));
      tables.add(
          new Table(
              "Why actions changed: "
                  + reasons.flips()
                  + " events changed action;"
                  + " the contribution that moved most in each",
              List.of("contribution", "flips driven", "mean shift (log-odds)"),
              rows));
    }

    return new Section(
        "Champion comparison",
        e.champion() == null ? List.of("No champion: comparison columns show \"-\".") : List.of(),
        tables,
        List.of());
  }

  private static Section plots(ClientEvaluation e) {
    List<ReportModel.Plot> plots = new ArrayList<>();
    plots.add(
        new CurvePlot(
            "Precision-recall",
            "recall",
            "precision",
            series(e.curves().get("pr")),
            ReportModel.Reference.NONE));
    plots.add(
        new CurvePlot(
            "ROC",
            "false-positive rate",
            "true-positive rate",
            series(e.curves().get("roc")),
            ReportModel.Reference.CHANCE));
    plots.add(
        new CurvePlot(
            "Reliability",
            "mean predicted probability",
            "observed fraud rate",
            series(e.curves().get("reliability")),
            ReportModel.Reference.CALIBRATED));
    List<ReportModel.Counts> counts = new ArrayList<>();
    e.histograms()
        .forEach(
            (name, c) ->
                counts.add(
                    new ReportModel.Counts(
                        name, java.util.Arrays.stream(c).mapToLong(v -> (long) v).toArray())));
    plots.add(
        new ReportModel.HistogramPlot(
            "Score distribution", "score", Curves.histogramEdges(), counts));
    return new Section("Plots", List.of(), List.of(), plots);
  }

  /**
   * One section per additive micromodel (binned, tabular) of the candidate: a small plot per input
   * of its learned shape, with the champion's when the champion reads that input in an additive
   * micromodel (the one of the same name first, else the first that does).
   *
   * @param champion null without a champion
   */
  static List<Section> shapes(List<MicromodelShapes> candidate, List<MicromodelShapes> champion) {
    List<Section> sections = new ArrayList<>();
    for (MicromodelShapes micromodel : candidate) {
      List<ReportModel.Plot> plots = new ArrayList<>();
      for (InputShape input : micromodel.inputs()) {
        List<Series> series = new ArrayList<>(List.of(series("candidate", input)));
        String missing = "Missing: candidate " + signed(input.missing());
        List<String> notes = new ArrayList<>();
        MicromodelShapes other =
            champion == null ? null : championOf(champion, micromodel.micromodel(), input.input());
        if (other != null) {
          InputShape theirs = other.input(input.input()).orElseThrow();
          series.add(series("champion", theirs));
          missing += ", champion " + signed(theirs.missing());
          if (!other.micromodel().equals(micromodel.micromodel())) {
            notes.add("Champion: in micromodel " + other.micromodel() + " (" + other.type() + ").");
          }
        } else if (champion != null) {
          notes.add("Champion: no additive micromodel reads this input.");
        }

        notes.add(0, missing + ".");
        plots.add(
            new ShapePlot(input.input(), input.input(), "log-odds contribution", series, notes));
      }

      sections.add(
          new Section(
              "Learned shapes: " + micromodel.micromodel() + " (" + micromodel.type() + ")",
              List.of(
                  "Each input's contribution to the micromodel's"
                      + " log-odds (before the combiner weighs the micromodel) against the input's value;"
                      + " the intercept is left out, so 0 is no contribution. "
                      + ("binned".equals(micromodel.type())
                          ? "A step per quantile bin; the end bins are"
                              + " clipped (constant beyond the outer edges) and drawn one bin width wide."
                          : "A line over the training mean ± "
                              + (int) AdditiveShapes.TABULAR_SPAN
                              + " standard deviations of the (log-)transformed value, clipped as in scoring.")
                      + (champion == null ? " No champion." : "")),
              List.of(),
              plots));
    }

    return sections;
  }

  private static MicromodelShapes championOf(
      List<MicromodelShapes> champion, String micromodel, String input) {
    MicromodelShapes any = null;
    for (MicromodelShapes m : champion) {
      if (m.input(input).isPresent()) {
        if (m.micromodel().equals(micromodel)) {
          return m;
        }
        any = any == null ? m : any;
      }
    }

    return any;
  }

  private static Series series(String name, InputShape shape) {
    double[] x = new double[shape.points().size()];
    double[] y = new double[x.length];
    for (int p = 0; p < x.length; p++) {
      x[p] = shape.points().get(p).x();
      y[p] = shape.points().get(p).contribution();
    }

    return new Series(name, x, y);
  }

  private static String signed(double value) {
    return String.format(java.util.Locale.ROOT, "%+.3f", value);
  }

  private static List<Series> series(List<Curve> curves) {
    return curves.stream()
        .filter(c -> c.x().length > 0)
        .map(c -> new Series(c.name(), c.x(), c.y()))
        .toList();
  }

  private static String cell(Map<String, Double> values, String metric) {
    if (values == null) {
      return ReportFormat.MISSING;
    }

    return metric.equals("rows") || metric.equals("frauds")
        ? count(values, metric)
        : ReportFormat.number(values.get(metric));
  }

  private static String count(Map<String, Double> values, String metric) {
    Double v = values == null ? null : values.get(metric);
    return v == null ? ReportFormat.MISSING : String.valueOf(v.longValue());
  }

  private static String percent(Map<String, Double> values, String metric) {
    return values == null ? ReportFormat.MISSING : ReportFormat.percent(values.get(metric));
  }

  private static String interval(ClientEvaluation e, String name) {
    Interval i = e.intervals().get(name);
    return i == null || Double.isNaN(i.low())
        ? ReportFormat.MISSING
        : ReportFormat.number(i.low()) + " – " + ReportFormat.number(i.high());
  }

  private static String day(java.time.Instant instant) {
    return instant.toString().substring(0, 10);
  }

  /** Which folds the label-based values pool, and why. */
  static String maturity(ClientEvaluation e) {
    List<Integer> used = MetricsDocument.labelMetricsFolds(e);
    String threshold = ReportFormat.percent(e.context().minLabelCompleteness());
    boolean noneMature = e.folds().stream().noneMatch(FoldEvaluation::mature);
    return noneMature
        ? "No fold reaches "
            + threshold
            + " label completeness (backtest.min_label_completeness):"
            + " the label-based values are on immature labels, fair between models judged on the"
            + " same rows but not absolute numbers."
        : "Label-based values pool the mature folds "
            + used
            + " (label completeness at least "
            + threshold
            + "); the other folds are shown but left out.";
  }
}
