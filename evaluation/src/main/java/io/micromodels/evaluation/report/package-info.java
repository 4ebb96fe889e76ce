/**
 * The backtest report (DESIGN.md §3.4): {@link io.micromodels.evaluation.report.ReportModel} holds
 * what the page shows, already computed by the evaluation; {@link
 * io.micromodels.evaluation.report.ReportWriter} renders it as one self-contained, offline HTML
 * file and {@link io.micromodels.evaluation.report.ScoresCsv} writes {@code scores.csv.gz}. Nothing
 * here computes a metric.
 */
package io.micromodels.evaluation.report;
