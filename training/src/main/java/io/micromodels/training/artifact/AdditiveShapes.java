package io.micromodels.training.artifact;

import io.micromodels.training.featurize.BinnedFeaturizer;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.featurize.TabularFeaturizer;
import io.micromodels.training.fit.LogisticModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The learned shapes of the additive micromodels ({@code binned} and {@code tabular}): per input,
 * its contribution to the micromodel's log-odds (the weights times the features of that input's
 * value alone, intercept excluded) against the input's raw value, and the contribution of a missing
 * value. A row's log-odds is the intercept plus the sum of its inputs' contributions, so the shapes
 * are the whole micromodel. Plain Java: the backtest report plots them, and any other reader of a
 * {@link ClientModel} can print them.
 *
 * <ul>
 *   <li>{@code binned}: a {@link Kind#STEP} curve, two points per bin (its left and right end, at
 *       the same contribution), so that a line through the points jumps at each edge. The end bins
 *       are clipped (constant beyond the outer edges) and are drawn one mean bin width beyond them
 *       (with a single edge {@code e}, {@code |e|} or 1 if larger); a column without edges (no
 *       training values) is one flat bin drawn over 0..1.
 *   <li>{@code tabular}: a {@link Kind#LINE} of {@value #TABULAR_POINTS} points evenly spaced in
 *       the standardised value from {@code -}{@value #TABULAR_SPAN} to {@code +}{@value
 *       #TABULAR_SPAN} standard deviations of the (transformed) training values, back-transformed
 *       to raw values ({@code expm1} for a {@code log1p} column, whose range starts at 0 at the
 *       lowest): most of the training values, with the clipping visible when the clip is narrower.
 *       The shape is a straight line in the standardised value, so a curve in the raw value for a
 *       logged column.
 * </ul>
 */
public final class AdditiveShapes {
  /** A tabular shape spans this many standard deviations either side of the training mean. */
  public static final double TABULAR_SPAN = 3;

  /** The points of a tabular shape. */
  public static final int TABULAR_POINTS = 49;

  private AdditiveShapes() {}

  /** How a shape's points are joined: a step curve (binned) or a sampled line (tabular). */
  public enum Kind {
    STEP,
    LINE
  }

  /** One point of a shape: a raw input value and its contribution to the log-odds. */
  public record Point(double x, double contribution) implements Serializable {}

  /**
   * One input's learned shape.
   *
   * @param points in increasing x (a step curve repeats x at each edge)
   * @param missing the contribution of a missing (absent or non-finite) value
   */
  public record InputShape(String input, Kind kind, List<Point> points, double missing)
      implements Serializable {
    public InputShape {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(kind, "kind");
      points = List.copyOf(points);
    }
  }

  /** The shapes of one additive micromodel's inputs, in its featurizer's column order. */
  public record MicromodelShapes(String micromodel, String type, List<InputShape> inputs)
      implements Serializable {
    public MicromodelShapes {
      Objects.requireNonNull(micromodel, "micromodel");
      Objects.requireNonNull(type, "type");
      inputs = List.copyOf(inputs);
    }

    /** The shape of one input, if this micromodel reads it. */
    public Optional<InputShape> input(String name) {
      return inputs.stream().filter(s -> s.input().equals(name)).findFirst();
    }
  }

  /** The shapes of a scoring model's additive micromodels, in its order; others are skipped. */
  public static List<MicromodelShapes> of(ScoringModel scoring) {
    List<MicromodelShapes> shapes = new ArrayList<>();
    for (TrainedMicromodel micromodel : scoring.micromodels()) {
      of(micromodel).ifPresent(shapes::add);
    }

    return List.copyOf(shapes);
  }

  /** The micromodel's shapes, empty when it is not additive (email, order items, ...). */
  public static Optional<MicromodelShapes> of(TrainedMicromodel micromodel) {
    List<InputShape> inputs;
    if (micromodel.featurizer() instanceof BinnedFeaturizer binned) {
      inputs = binned(binned, micromodel.model());
    } else if (micromodel.featurizer() instanceof TabularFeaturizer tabular) {
      inputs = tabular(tabular, micromodel.model());
    } else {
      return Optional.empty();
    }

    return Optional.of(new MicromodelShapes(micromodel.name(), micromodel.type(), inputs));
  }

  /** Each column's step curve: the contribution of each bin at both of its ends. */
  public static List<InputShape> binned(BinnedFeaturizer featurizer, LogisticModel model) {
    List<InputShape> shapes = new ArrayList<>();
    for (int i = 0; i < featurizer.columns().size(); i++) {
      List<Double> edges = featurizer.columns().get(i).edges();
      List<Point> points = new ArrayList<>(2 * edges.size() + 2);
      if (edges.isEmpty()) {
        double flat = contribution(featurizer.featurizeColumn(i, 0.0), model);
        points.add(new Point(0, flat));
        points.add(new Point(1, flat));
      } else {
        double first = edges.get(0);
        double last = edges.get(edges.size() - 1);
        double pad =
            edges.size() > 1 ? (last - first) / (edges.size() - 1) : Math.max(Math.abs(first), 1);
        for (int bin = 0; bin <= edges.size(); bin++) {
          double low = bin == 0 ? first - pad : edges.get(bin - 1);
          double high = bin == edges.size() ? last + pad : edges.get(bin);
          // The low end is inside the bin: below the first edge, or at the bin's own edge.
          double c = contribution(featurizer.featurizeColumn(i, low), model);
          points.add(new Point(low, c));
          points.add(new Point(high, c));
        }
      }

      shapes.add(
          new InputShape(
              featurizer.columns().get(i).name(),
              Kind.STEP,
              points,
              contribution(featurizer.featurizeColumn(i, null), model)));
    }

    return List.copyOf(shapes);
  }

  /** Each column's line over the training mean ± {@value #TABULAR_SPAN} standard deviations. */
  public static List<InputShape> tabular(TabularFeaturizer featurizer, LogisticModel model) {
    List<InputShape> shapes = new ArrayList<>();
    for (int i = 0; i < featurizer.columns().size(); i++) {
      TabularFeaturizer.Column column = featurizer.columns().get(i);
      double low = column.mean() - TABULAR_SPAN * column.scale();
      double high = column.mean() + TABULAR_SPAN * column.scale();
      boolean logged = column.transform() == TabularFeaturizer.Transform.LOG1P;
      if (logged) {
        low = Math.max(low, 0); // log1p(max(x, 0)) is never below 0
      }

      List<Point> points = new ArrayList<>(TABULAR_POINTS);
      double previous = Double.NaN;
      for (int p = 0; p < TABULAR_POINTS; p++) {
        double t = low + (high - low) * p / (TABULAR_POINTS - 1);
        double x = logged ? Math.expm1(t) : t;
        if (!Double.isFinite(x) || x == previous) {
          continue; // an overflowing expm1, or a span too narrow for distinct doubles
        }

        points.add(new Point(x, contribution(featurizer.featurizeColumn(i, x), model)));
        previous = x;
      }

      shapes.add(
          new InputShape(
              column.name(),
              Kind.LINE,
              points,
              contribution(featurizer.featurizeColumn(i, null), model)));
    }

    return List.copyOf(shapes);
  }

  /** The weights times {@code features}: the log-odds without the intercept. */
  private static double contribution(SparseVector features, LogisticModel model) {
    int[] indices = features.indices();
    double[] values = features.values();
    double sum = 0;
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] < model.dimension()) {
        sum += values[k] * model.weight(indices[k]);
      }
    }

    return sum;
  }
}
