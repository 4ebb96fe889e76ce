package io.micromodels.training.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The validation losses over a grid of C and the C chosen from them, recorded in {@code model.json}
 * and the manifest (DESIGN.md §3.5: "regularisation path, chosen strength and why").
 *
 * @param points one per C, in increasing C (decreasing regularisation); sorted on construction
 * @param chosenC the chosen C, one of the points'
 * @param reason why, for people reading the artifact
 */
public record RegularisationPath(List<Point> points, double chosenC, String reason) {
  public RegularisationPath {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a regularisation path needs at least one point");
    }

    points = sorted(points);
    if (points.stream().noneMatch(point -> point.c() == chosenC)) {
      throw new IllegalArgumentException("chosen C=" + chosenC + " is not on the path");
    }

    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a regularisation choice needs a reason");
    }
  }

  /**
   * The points in increasing C.
   *
   * @throws IllegalArgumentException when a C appears twice
   */
  static List<Point> sorted(List<Point> points) {
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(Point::c));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).c() == sorted.get(i - 1).c()) {
        throw new IllegalArgumentException("C=" + sorted.get(i).c() + " appears twice in the path");
      }
    }

    return List.copyOf(sorted);
  }

  /** The chosen point. */
  public Point chosen() {
    return points.stream().filter(point -> point.c() == chosenC).findFirst().orElseThrow();
  }

  /**
   * One C of the grid and the validation loss of the model fitted with it.
   *
   * @param c LIBLINEAR's C (see {@link Solver}), positive and finite
   * @param validation the loss on the validation slice
   */
  public record Point(double c, LossSummary validation) {
    public Point {
      SolverChecks.checkC(c);
      if (validation == null) {
        throw new IllegalArgumentException("point C=" + c + " has no validation loss");
      }
    }
  }
}
