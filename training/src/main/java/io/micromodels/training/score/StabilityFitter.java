package io.micromodels.training.score;

import io.micromodels.features.config.Policy;
import io.micromodels.training.artifact.ScoreScale;
import io.micromodels.training.artifact.StabilityMap;
import io.micromodels.training.calibrate.MonotoneCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Fits a {@link StabilityMap} from a new model's raw scores and the champion's scores on the same
 * recent rows (the calibration rows), following the policy's {@code stability} rule:
 *
 * <ul>
 *   <li>{@code BLOCK_RATE_AT_THRESHOLD}: quantile mapping ({@link QuantileMatch}); the share of
 *       rows at or above any score is the champion's, exactly at the policy's own thresholds.
 *   <li>{@code FRAUD_RATE_AT_SCORE}: each new score goes to the champion score with the same fraud
 *       rate, from isotonic fits of the label on each model's score ({@link FraudRateMatch}).
 * </ul>
 *
 * Fewer than {@link #MIN_ROWS} rows, or rows without both labels for the fraud-rate rule, give the
 * identity with basis {@code INSUFFICIENT_DATA}: a map fitted on so little would move scores more
 * than it keeps them.
 */
public final class StabilityFitter {
  public static final int MIN_ROWS = 100;

  private StabilityFitter() {}

  /**
   * @param policy the client's policy (its style gives the thresholds to hold exactly)
   * @param scores the new model's raw scores, 0..100
   * @param labels fraud labels (0/1) of the same rows
   * @param championScores the champion's scores on the same rows, 0..100
   * @throws IllegalArgumentException when the arrays differ in length or hold a score outside
   *     0..100 or a label other than 0 and 1
   */
  public static StabilityMap fit(
      Policy policy, double[] scores, double[] labels, double[] championScores) {
    check(scores, labels, championScores);
    Policy.Stability mode = policy.stability();
    if (mode == null) {
      return StabilityMap.notConfigured();
    }

    if (scores.length < MIN_ROWS
        || (mode == Policy.Stability.FRAUD_RATE_AT_SCORE && !hasBothLabels(labels))) {
      return new StabilityMap(
          mode, StabilityMap.Basis.INSUFFICIENT_DATA, StabilityMap.identityCurve(), scores.length);
    }

    MonotoneCurve curve =
        switch (mode) {
          case BLOCK_RATE_AT_THRESHOLD ->
              QuantileMatch.fit(scores, championScores, thresholds(policy.style()));
          case FRAUD_RATE_AT_SCORE -> FraudRateMatch.fit(scores, championScores, labels);
        };
    return new StabilityMap(mode, StabilityMap.Basis.FITTED, curve, scores.length);
  }

  /** The fixed thresholds a style states (none for block-rate targets, which are re-derived). */
  static double[] thresholds(Policy.Style style) {
    TreeSet<Double> values = new TreeSet<>();
    if (style instanceof Policy.Thresholds t) {
      values.add(t.reviewAt());
      values.add(t.preventAt());
      t.exceptions()
          .forEach(
              e -> {
                values.add(e.reviewAt());
                values.add(e.preventAt());
              });
    } else if (style instanceof Policy.GlobalThreshold g) {
      values.add(g.preventAt());
      if (g.reviewAt() != null) {
        values.add(g.reviewAt());
      }
    }

    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Adds (0, 0) and (100, 100) so scores outside the fitted range still rise with the map. */
  static MonotoneCurve withEnds(List<double[]> knots) {
    List<double[]> all = new ArrayList<>(knots);
    if (all.get(0)[0] > 0) {
      all.add(0, new double[] {0, 0});
    }

    if (all.get(all.size() - 1)[0] < ScoreScale.MAX_SCORE) {
      all.add(new double[] {ScoreScale.MAX_SCORE, ScoreScale.MAX_SCORE});
    }

    double[] xs = new double[all.size()];
    double[] ys = new double[all.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = all.get(i)[0];
      ys[i] = i == 0 ? all.get(i)[1] : Math.max(ys[i - 1], all.get(i)[1]);
    }

    return new MonotoneCurve(xs, ys);
  }

  private static boolean hasBothLabels(double[] labels) {
    boolean positive = false;
    boolean negative = false;
    for (double label : labels) {
      positive |= label == 1;
      negative |= label == 0;
    }

    return positive && negative;
  }

  private static void check(double[] scores, double[] labels, double[] championScores) {
    if (scores.length != labels.length || scores.length != championScores.length) {
      throw new IllegalArgumentException(
          "scores, labels and champion scores differ in length: "
              + scores.length
              + ", "
              + labels.length
              + ", "
              + championScores.length);
    }

    for (int i = 0; i < scores.length; i++) {
      if (!inRange(scores[i]) || !inRange(championScores[i])) {
        throw new IllegalArgumentException(
            "score of row "
                + i
                + " outside 0..100: "
                + scores[i]
                + " (champion "
                + championScores[i]
                + ")");
      }

      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("label of row " + i + " is not 0 or 1: " + labels[i]);
      }
    }
  }

  private static boolean inRange(double score) {
    return score >= 0 && score <= ScoreScale.MAX_SCORE;
  }
}
