package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.Counts;
import io.micromodels.evaluation.report.ReportModel.CurvePlot;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import io.micromodels.evaluation.report.ReportModel.HappyPathRow;
import io.micromodels.evaluation.report.ReportModel.Header;
import io.micromodels.evaluation.report.ReportModel.HistogramPlot;
import io.micromodels.evaluation.report.ReportModel.LineageEntry;
import io.micromodels.evaluation.report.ReportModel.Objective;
import io.micromodels.evaluation.report.ReportModel.Outcome;
import io.micromodels.evaluation.report.ReportModel.Reference;
import io.micromodels.evaluation.report.ReportModel.Section;
import io.micromodels.evaluation.report.ReportModel.Series;
import io.micromodels.evaluation.report.ReportModel.ShapePlot;
import io.micromodels.evaluation.report.ReportModel.Status;
import io.micromodels.evaluation.report.ReportModel.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded sample report models for the report's tests (and a page to look at: see main). */
final class ReportSamples {
  static final String SCRIPT_EMAIL = "<script>alert(1)</script>";
  static final String IMG_EMAIL = "\"><img src=x onerror=alert(1)>";

  /** Would set a global flag if the page ever ran event data as markup. */
  static final String FLAG_EMAIL = "<img src=x onerror=\"window.__pwned=1\">";

  /** A spreadsheet would run it as a formula if a CSV export wrote it as it is. */
  static final String FORMULA_EMAIL = "=2+5+cmd|' /C calc'!A0";

  private static final String[] ACTIONS = {"ALLOW", "REVIEW", "PREVENT"};

  private ReportSamples() {}

  /**
   * {@code count} events (ids ev-001...): three with hostile emails (ev-003, ev-005, ev-008), one
   * without email (ev-011), every seventh without champion, scores 5.5 (ev-009) and 100 (ev-020).
   */
  static List<EventRow> events(int count) {
    Random random = new Random(42);
    List<EventRow> rows = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      double random3 = Math.round(random.nextDouble() * 100_000) / 1000.0;
      // One- and three-digit scores, so a text sort would order them differently from numbers.
      double score = i == 9 ? 5.5 : i == 20 ? 100 : random3;
      boolean withChampion = i % 7 != 0;
      Double champion = withChampion ? Math.round(random.nextDouble() * 100_000) / 1000.0 : null;
      Double diff = withChampion ? Math.abs(score - champion) : null;
      String email =
          switch (i) {
            case 3 -> SCRIPT_EMAIL;
            case 5 -> IMG_EMAIL;
            case 8 -> FLAG_EMAIL;
            case 13 -> FORMULA_EMAIL;
            case 11 -> null;
            default -> "user" + i + (i % 2 == 0 ? "@example.com" : "@mail.test");
          };
      rows.add(
          new EventRow(
              String.format("ev-%03d", i),
              "cust-" + (i % 9),
              email,
              score,
              champion,
              diff,
              action(score),
              withChampion ? action(champion) : null));
    }
    return rows;
  }

  private static String action(double score) {
    return ACTIONS[score >= 90 ? 2 : score >= 70 ? 1 : 0];
  }

  static ReportModel model(List<EventRow> events) {
    return new ReportModel(
        new Header("Backtest report", "acme-wines", "2026-11-30", "bt-20261201-0930"),
        new Objective(
            "A device-age micromodel lifts precision on card-not-present orders",
            "pr_auc: +0.01 vs champion",
            Outcome.MET,
            "+0.0134",
            "95% CI [+0.0041, +0.0227]"),
        List.of(
            HappyPathRow.of("PR-AUC", 0.8123, 0.8011, 0.8051, "drop ≤ 0.02", Status.PASS),
            HappyPathRow.of("ROC AUC", 0.9611, 0.9588, 0.9602, "≥ 0.90", Status.PASS),
            new HappyPathRow("Action change rate", "6.20%", null, "-", "≤ 5%", Status.FAIL),
            HappyPathRow.of(
                "Calibration difference", 0.0123, 0.0150, 0.0101, "≤ 0.05", Status.PASS),
            HappyPathRow.of("Prevented asserts", 0.74, null, 0.71, "≥ 0.70", Status.PASS),
            HappyPathRow.of(
                "Feature rank correlation", null, null, null, "≥ 0.80", Status.NOT_CHECKED)),
        List.of(
            new Section(
                "Metrics per fold and overall",
                List.of(
                    new Table(
                        "Candidate",
                        List.of(
                            "Fold",
                            "Test window",
                            "Events",
                            "PR-AUC",
                            "ROC AUC",
                            "Log loss",
                            "Brier",
                            "ECE",
                            "Label completeness"),
                        List.of(
                            List.of(
                                "1",
                                "2026-08-01..2026-08-31",
                                "12,480",
                                "0.8012",
                                "0.9577",
                                "0.0912",
                                "0.0231",
                                "0.0094",
                                "99.1%"),
                            List.of(
                                "2",
                                "2026-09-01..2026-09-30",
                                "13,002",
                                "0.8155",
                                "0.9630",
                                "0.0874",
                                "0.0219",
                                "0.0088",
                                "97.4%"),
                            List.of(
                                "overall",
                                "2026-08-01..2026-09-30",
                                "25,482",
                                "0.8123",
                                "0.9611",
                                "0.0893",
                                "0.0225",
                                "0.0091",
                                "98.2%"))))),
            new Section(
                "Policy impact per region",
                List.of(
                    new Table(
                        "Champion vs candidate",
                        List.of(
                            "Region",
                            "Block rate (champion)",
                            "Block rate (candidate)",
                            "Review rate (champion)",
                            "Review rate (candidate)",
                            "Fraud caught",
                            "Fraud caught amount"),
                        List.of(
                            List.of(
                                "EU",
                                "1.10%",
                                "1.32%",
                                "3.40%",
                                "3.05%",
                                "71.0% → 76.2%",
                                "€41,200 → €45,900"),
                            List.of(
                                "US",
                                "0.90%",
                                "0.95%",
                                "2.80%",
                                "2.90%",
                                "68.4% → 69.0%",
                                "$18,100 → $18,400"))))),
            new Section(
                "Action transitions",
                List.of(),
                List.of(
                    new Table(
                        "Genuine customers: champion action × candidate action",
                        List.of("Champion \\ candidate", "ALLOW", "REVIEW", "PREVENT"),
                        List.of(
                            List.of("ALLOW", "24,101", "212", "31"),
                            List.of("REVIEW", "150", "610", "12"),
                            List.of("PREVENT", "4", "9", "102"))),
                    new Table(
                        "Why actions changed",
                        List.of("Micromodel", "Flips led", "Mean contribution shift"),
                        List.of(
                            List.of("email_domain", "182", "+0.41"),
                            List.of("device_age", "97", "-0.22")))),
                List.of()),
            new Section(
                "Parent comparison",
                List.of("The client model beats its parent on PR-AUC; no fallback recommended."),
                List.of(
                    new Table(
                        "Candidate vs global parent",
                        List.of("Metric", "Candidate", "Parent", "Difference"),
                        List.of(List.of("PR-AUC", "0.8123", "0.7710", "+0.0413")))),
                List.of()),
            new Section(
                "Curves and calibration",
                List.of(),
                List.of(),
                List.of(
                    new CurvePlot(
                        "Precision-recall",
                        "recall",
                        "precision",
                        List.of(curve("candidate", 0.0, 1.2), curve("champion", 0.0, 1.6)),
                        Reference.NONE),
                    new CurvePlot(
                        "ROC",
                        "false positive rate",
                        "true positive rate",
                        List.of(roc("candidate", 0.15), roc("champion", 0.22)),
                        Reference.NONE),
                    new CurvePlot(
                        "Reliability diagram",
                        "mean predicted probability",
                        "observed fraud rate",
                        List.of(reliability("candidate", 0.9), reliability("champion", 1.15)),
                        Reference.CALIBRATED),
                    new HistogramPlot(
                        "Score distribution",
                        "score",
                        new double[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100},
                        List.of(
                            new Counts(
                                "candidate",
                                new long[] {9100, 6200, 3900, 2500, 1400, 900, 600, 420, 300, 162}),
                            new Counts(
                                "champion",
                                new long[] {
                                  8800, 6500, 4100, 2400, 1500, 850, 580, 400, 330, 122
                                })))))),
        events,
        List.of(
            new LineageEntry("events table", "s3://lake/events @ Delta v412"),
            new LineageEntry("features table", "s3://lake/features @ Delta v97"),
            new LineageEntry("folds", "2 × (train 90 d, label delay 30 d, test 30 d)"),
            new LineageEntry("config hash", "sha256:5f1c0e9a4b7d…"),
            new LineageEntry("champion", "acme-wines/v7")));
  }

  /**
   * A model whose every string slot (header, objective, gates, section titles, notes, table
   * captions, columns and cells, plot titles, axes and series, event fields, lineage) holds one of
   * {@code payloads}, in turn: what a hostile client or a careless data scientist could put in
   * event values, config names or a hypothesis.
   */
  static ReportModel hostileModel(List<String> payloads) {
    java.util.function.Supplier<String> next =
        new java.util.function.Supplier<>() {
          private int i;

          @Override
          public String get() {
            return payloads.get(i++ % payloads.size());
          }
        };
    List<EventRow> rows = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      rows.add(
          new EventRow(
              next.get(), next.get(), next.get(), i, i + 0.5, 0.5, next.get(), next.get()));
    }

    Series series = new Series(next.get(), new double[] {0, 1}, new double[] {0, 1});
    return new ReportModel(
        new Header(next.get(), next.get(), next.get(), next.get()),
        new Objective(next.get(), next.get(), Outcome.NOT_MET, next.get(), next.get()),
        List.of(
            new HappyPathRow(
                next.get(), next.get(), next.get(), next.get(), next.get(), Status.FAIL)),
        List.of(
            new Section(
                next.get(),
                List.of(next.get()),
                List.of(
                    new Table(
                        next.get(),
                        List.of(next.get(), next.get()),
                        List.of(List.of(next.get(), next.get()), List.of(next.get(), next.get())))),
                List.of(
                    new CurvePlot(
                        next.get(), next.get(), next.get(), List.of(series), Reference.CHANCE),
                    new HistogramPlot(
                        next.get(),
                        next.get(),
                        new double[] {0, 50, 100},
                        List.of(new Counts(next.get(), new long[] {3, 4}))))),
            new Section(
                next.get(),
                List.of(),
                List.of(),
                List.of(
                    new ShapePlot(
                        next.get(),
                        next.get(),
                        next.get(),
                        List.of(
                            new Series(
                                next.get(),
                                new double[] {0, 1, 1, 2},
                                new double[] {-0.5, -0.5, 1, 1})),
                        List.of(next.get(), next.get()))))),
        rows,
        List.of(new LineageEntry(next.get(), next.get())));
  }

  private static Series curve(String name, double floor, double steepness) {
    int n = 40;
    double[] recall = new double[n + 1];
    double[] precision = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      recall[i] = (double) i / n;
      precision[i] = Math.max(floor, 1 - Math.pow(recall[i], 4 / steepness) * 0.85);
    }
    return new Series(name, recall, precision);
  }

  private static Series roc(String name, double bend) {
    int n = 40;
    double[] fpr = new double[n + 1];
    double[] tpr = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      fpr[i] = (double) i / n;
      tpr[i] = Math.pow(fpr[i], bend);
    }
    return new Series(name, fpr, tpr);
  }

  private static Series reliability(String name, double bias) {
    double[] predicted = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
    double[] observed = new double[predicted.length];
    for (int i = 0; i < predicted.length; i++) {
      observed[i] = Math.min(1, Math.pow(predicted[i], bias));
    }
    return new Series(name, predicted, observed);
  }

  /** Writes the sample page to the path given (default /tmp/report-sample.html). */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/report-sample.html");
    ReportWriter.write(model(events(30)), out);
    System.out.println(out);
  }
}
