package io.micromodels.training.score;

import io.micromodels.training.calibrate.MonotoneCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Quantile mapping for {@code BLOCK_RATE_AT_THRESHOLD}: the new model's k-th highest score maps to
 * the champion's k-th highest, so the share of rows at or above any mapped score is the champion's
 * share at that score. Knots sit at tail ranks (every percent of rows, plus 20 per decade of tail
 * share down to one row, where block rates live), linear between them.
 *
 * <p>Each of the policy's thresholds t is held exactly: with k the champion's count at or above t,
 * the new model's k-th highest score maps to t itself, so the mapped scores put k rows at or above
 * t (fewer only where the champion, or more only where the new model, has ties at that rank). Where
 * new scores tie, the knot keeps the lowest champion score of the tied ranks. The map is
 * non-decreasing; it is flat only where the champion's own scores tie.
 */
final class QuantileMatch {
  private static final int LINEAR_STEPS = 100;
  private static final int STEPS_PER_DECADE = 20;

  private QuantileMatch() {}

  static MonotoneCurve fit(double[] scores, double[] championScores, double[] thresholds) {
    double[] mine = descending(scores);
    double[] theirs = descending(championScores);
    int n = mine.length;
    // x -> y; anchors are written last so they win over a grid knot at the same x.
    TreeMap<Double, Double> knots = new TreeMap<>();
    for (int rank : ranks(n)) {
      knots.merge(mine[rank - 1], theirs[rank - 1], Math::min);
    }

    for (double t : thresholds) {
      int atOrAbove = countAtOrAbove(theirs, t);
      if (atOrAbove > 0) {
        knots.put(mine[atOrAbove - 1], t);
      }
    }

    List<double[]> pairs = new ArrayList<>();
    knots.forEach((x, y) -> pairs.add(new double[] {x, y}));
    return StabilityFitter.withEnds(pairs);
  }

  /** Ranks 1..n: the top and bottom row, every percent, and a log-spaced tail. */
  private static List<Integer> ranks(int n) {
    List<Integer> ranks = new ArrayList<>(List.of(1, n));
    for (int j = 1; j < LINEAR_STEPS; j++) {
      ranks.add(rank((double) j / LINEAR_STEPS, n));
    }

    for (int step = STEPS_PER_DECADE; ; step++) {
      double share = Math.pow(10, -(double) step / STEPS_PER_DECADE);
      if (share * n < 1) {
        break;
      }

      ranks.add(rank(share, n));
    }

    return ranks;
  }

  private static int rank(double share, int n) {
    return (int) Math.max(1, Math.min(n, Math.round(share * n)));
  }

  private static int countAtOrAbove(double[] descending, double threshold) {
    int count = 0;
    while (count < descending.length && descending[count] >= threshold) {
      count++;
    }

    return count;
  }

  private static double[] descending(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
      double swap = sorted[i];
      sorted[i] = sorted[j];
      sorted[j] = swap;
    }

    return sorted;
  }
}
