package io.micromodels.training.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression of the label on the log-odds by pool-adjacent-violators, as scikit-learn's
 * {@code IsotonicRegression(increasing=True, out_of_bounds="clip")} fits it: rows sorted by
 * log-odds, rows with the same log-odds pooled first (their mean label, weighted by their count),
 * then neighbouring blocks merged while the left one's mean is not below the right one's. The knots
 * kept are each block's first and last distinct log-odds (scikit-learn drops the points inside a
 * block), so the fitted blocks are strictly increasing and the curve between blocks is the linear
 * interpolation scikit-learn predicts.
 *
 * <p>Like scikit-learn's {@code _make_unique}, log-odds closer than {@link #TIE_RESOLUTION} to the
 * first of a group count as tied. Rows without positives (or negatives) give one block at 0 (or 1);
 * a single distinct log-odds gives one knot.
 */
final class IsotonicFit {
  /** numpy's {@code finfo(float64).resolution}, the tie width scikit-learn uses. */
  static final double TIE_RESOLUTION = 1e-15;

  private IsotonicFit() {}

  static IsotonicCalibrator fit(double[] x, double[] labels) {
    Integer[] order = new Integer[x.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> labels[i]));
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < order.length) {
      double first = x[order[i]];
      double sum = 0;
      int count = 0;
      while (i < order.length && x[order[i]] - first < TIE_RESOLUTION) {
        sum += labels[order[i]];
        count++;
        i++;
      }

      push(blocks, new Block(first, first, sum / count, count));
    }

    return knots(blocks);
  }

  /** Appends a pooled point and merges violators backwards (one pass, amortised linear). */
  private static void push(List<Block> blocks, Block point) {
    Block current = point;
    while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).mean >= current.mean) {
      Block previous = blocks.remove(blocks.size() - 1);
      double weight = previous.weight + current.weight;
      // Clipped: a mean of 0/1 labels is within 0..1, rounding must not push it out.
      double mean =
          Math.min(1, (previous.mean * previous.weight + current.mean * current.weight) / weight);
      current = new Block(previous.firstX, current.lastX, mean, weight);
    }

    blocks.add(current);
  }

  private static IsotonicCalibrator knots(List<Block> blocks) {
    double[] xs = new double[2 * blocks.size()];
    double[] ys = new double[2 * blocks.size()];
    int n = 0;
    for (Block block : blocks) {
      xs[n] = block.firstX;
      ys[n++] = block.mean;
      if (block.lastX != block.firstX) {
        xs[n] = block.lastX;
        ys[n++] = block.mean;
      }
    }

    return new IsotonicCalibrator(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
  }

  private record Block(double firstX, double lastX, double mean, double weight) {}
}
