package io.micromodels.training.fit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The one-standard-error rule (Hastie, Tibshirani and Friedman, "The Elements of Statistical
 * Learning", 2nd ed., §7.10): take the strongest regularisation (smallest C) whose validation loss
 * is within one standard error of the best loss. Losses that differ by less than their noise do not
 * justify a more flexible model; we underfit on purpose (DESIGN.md §4).
 *
 * <p>The best point is the lowest mean loss, the strongest of equal ones; a point qualifies when
 * its mean is at most the best mean plus the best point's standard error.
 */
public final class OneStandardErrorRule {
  private OneStandardErrorRule() {}

  /**
   * The path with its choice and reason.
   *
   * @throws IllegalArgumentException when there are no points or a C appears twice
   */
  public static RegularisationPath choose(List<RegularisationPath.Point> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("cannot choose a C from an empty path");
    }

    List<RegularisationPath.Point> sorted = RegularisationPath.sorted(points);
    RegularisationPath.Point best = sorted.get(0);
    for (RegularisationPath.Point point : sorted) {
      if (point.validation().meanLogLoss() < best.validation().meanLogLoss()) {
        best = point;
      }
    }

    double threshold = best.validation().meanLogLoss() + best.validation().standardError();
    RegularisationPath.Point chosen =
        sorted.stream()
            .filter(point -> point.validation().meanLogLoss() <= threshold)
            .findFirst()
            .orElseThrow();
    return new RegularisationPath(sorted, chosen.c(), reason(sorted, best, chosen, threshold));
  }

  private static String reason(
      List<RegularisationPath.Point> sorted,
      RegularisationPath.Point best,
      RegularisationPath.Point chosen,
      double threshold) {
    if (sorted.size() == 1) {
      return "only one C in the grid: " + describe(chosen);
    }

    if (chosen == best) {
      return "best validation loss at "
          + describe(best)
          + (best == sorted.get(0)
              ? ", the strongest C in the grid"
              : "; no stronger C within one standard error");
    }

    return String.format(
        Locale.ROOT,
        "strongest C within one standard error of the best: %s; best %s; threshold %.5f",
        describe(chosen),
        describe(best),
        threshold);
  }

  private static String describe(RegularisationPath.Point point) {
    return String.format(
        Locale.ROOT,
        "C=%s (loss %.5f ± %.5f, %d rows)",
        BigDecimal.valueOf(point.c()).stripTrailingZeros().toPlainString(),
        point.validation().meanLogLoss(),
        point.validation().standardError(),
        point.validation().rows());
  }
}
