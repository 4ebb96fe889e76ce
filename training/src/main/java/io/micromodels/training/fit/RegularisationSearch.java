package io.micromodels.training.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Chooses C on a validation slice: fits the design at every C of the grid, measures each model's
 * validation log loss and applies the {@link OneStandardErrorRule}. The validation slice is the end
 * of the training window in time (DESIGN.md §4), never rows the models were fitted on.
 */
public final class RegularisationSearch {
  private final List<Double> grid;

  private RegularisationSearch(List<Double> grid) {
    this.grid = grid;
  }

  /**
   * A search over a grid of C.
   *
   * @throws IllegalArgumentException when the grid is empty, has a C twice, or a C is not positive
   *     and finite
   */
  public static RegularisationSearch over(List<Double> grid) {
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("the C grid is empty");
    }

    grid.forEach(SolverChecks::checkC);
    if (grid.stream().distinct().count() != grid.size()) {
      throw new IllegalArgumentException("the C grid has a value twice: " + grid);
    }

    return new RegularisationSearch(List.copyOf(grid));
  }

  /**
   * Fits every C on {@code fit} with a solver, measures on {@code validation}, chooses.
   *
   * @return the path with its choice, and the model fitted at the chosen C
   * @throws IllegalArgumentException when the validation design is empty, the two designs differ in
   *     dimension, or the solver rejects the fit design
   */
  public Result search(Design fit, Design validation, Solver solver) {
    if (validation.size() == 0) {
      throw new IllegalArgumentException("cannot choose C on an empty validation design");
    }

    if (fit.dimension() != validation.dimension()) {
      throw new IllegalArgumentException(
          "fit and validation designs differ in dimension: "
              + fit.dimension()
              + " vs "
              + validation.dimension());
    }

    return search(c -> solver.fit(fit, c), model -> LossSummary.of(model, validation));
  }

  /**
   * The same search over any rows: {@code fit} fits at a C (on the rows before the validation
   * slice), {@code validate} measures a model on the slice. The trainer calls this with rows held
   * in memory or distributed.
   */
  public Result search(
      DoubleFunction<LogisticModel> fit, Function<LogisticModel, LossSummary> validate) {
    List<RegularisationPath.Point> points = new ArrayList<>();
    Map<Double, LogisticModel> models = new HashMap<>();
    for (double c : grid) {
      LogisticModel model = fit.apply(c);
      models.put(c, model);
      points.add(new RegularisationPath.Point(c, validate.apply(model)));
    }

    RegularisationPath path = OneStandardErrorRule.choose(points);
    return new Result(path, models.get(path.chosenC()));
  }

  /**
   * What a search found.
   *
   * @param path the validation losses and the choice (goes into {@code model.json})
   * @param model the model fitted on the fit design at the chosen C
   */
  public record Result(RegularisationPath path, LogisticModel model) {}
}
