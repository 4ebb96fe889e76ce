package io.micromodels.evaluation.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The report's plot points, from a model's {@link ScoreSummary}: precision-recall and ROC curves at
 * every occupied 0.1-point score bucket (the thresholds its average precision and ROC AUC are
 * computed at, thinned to at most {@value #MAX_POINTS} points), reliability bins and score
 * histograms.
 */
public final class Curves {
  static final int MAX_POINTS = 200;

  /** Ten score bins of width 10 on the 0-100 scale, the bins of the population stability index. */
  public static final int HISTOGRAM_BINS = PopulationStability.BINS;

  private Curves() {}

  /** Recall (x) and precision (y) at each score bucket, highest first. */
  public static Curve precisionRecall(String name, ScoreSummary scores) {
    Thresholds t = scores.thresholds();
    if (t.totalFrauds == 0) {
      return new Curve(name, new double[0], new double[0]);
    }

    double[] recall = new double[t.size];
    double[] precision = new double[t.size];
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < t.size; i++) {
      tp += t.frauds[i];
      fp += t.genuines[i];
      recall[i] = tp / (double) t.totalFrauds;
      precision[i] = tp / (double) (tp + fp);
    }

    return thin(name, recall, precision);
  }

  /** False-positive rate (x) and true-positive rate (y), from (0, 0). */
  public static Curve roc(String name, ScoreSummary scores) {
    Thresholds t = scores.thresholds();
    if (!t.hasBothClasses()) {
      return new Curve(name, new double[0], new double[0]);
    }

    double[] fpr = new double[t.size + 1];
    double[] tpr = new double[t.size + 1];
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < t.size; i++) {
      tp += t.frauds[i];
      fp += t.genuines[i];
      fpr[i + 1] = fp / (double) t.totalGenuines;
      tpr[i + 1] = tp / (double) t.totalFrauds;
    }

    return thin(name, fpr, tpr);
  }

  /**
   * Mean predicted probability (x) and observed fraud rate (y) of the non-empty bins of the
   * expected calibration error ({@link ScoreSummary#CALIBRATION_BINS}).
   */
  public static Curve reliability(String name, ScoreSummary scores) {
    long[] rows = scores.calibrationRows();
    int[] used = IntStream.range(0, rows.length).filter(b -> rows[b] > 0).toArray();
    return new Curve(
        name,
        Arrays.stream(used)
            .mapToDouble(b -> scores.calibrationProbabilities()[b] / rows[b])
            .toArray(),
        Arrays.stream(used)
            .mapToDouble(b -> (double) scores.calibrationFrauds()[b] / rows[b])
            .toArray());
  }

  /** Counts of 0-100 scores in {@value #HISTOGRAM_BINS} bins of width 10 (100 in the last). */
  public static double[] histogram(ScoreSummary scores) {
    return Arrays.stream(scores.bins(HISTOGRAM_BINS)).asDoubleStream().toArray();
  }

  /** The histogram's bin edges, 0, 10, ..., 100. */
  public static double[] histogramEdges() {
    return IntStream.rangeClosed(0, HISTOGRAM_BINS)
        .mapToDouble(i -> i * 100.0 / HISTOGRAM_BINS)
        .toArray();
  }

  /** Keeps the first, the last and evenly spaced points in between. */
  private static Curve thin(String name, double[] x, double[] y) {
    if (x.length <= MAX_POINTS) {
      return new Curve(name, x, y);
    }

    int[] keep =
        IntStream.range(0, MAX_POINTS)
            .map(i -> (int) Math.round(i * (x.length - 1) / (double) (MAX_POINTS - 1)))
            .toArray();
    return new Curve(
        name,
        Arrays.stream(keep).mapToDouble(i -> x[i]).toArray(),
        Arrays.stream(keep).mapToDouble(i -> y[i]).toArray());
  }
}
