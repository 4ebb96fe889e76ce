package io.micromodels.training.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.testing.SyntheticDesigns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiblinearSolverTest {
  private static final Design DESIGN = SyntheticDesigns.moderate().generate(7);
  private final LiblinearSolver solver = LiblinearSolver.precise();

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 1, 10})
  void solutionSatisfiesTheOptimalityConditionsOfTheObjective(double c) {
    LogisticModel model = solver.fit(DESIGN, c);

    // gradient of 0.5|w|^2 + C sum logloss: w_j + C sum_i (p_i - y_i) x_ij, and C sum_i (p_i - y_i)
    double[] gradient = new double[DESIGN.dimension()];
    double interceptGradient = 0;
    for (int i = 0; i < DESIGN.size(); i++) {
      SparseVector row = DESIGN.rows().get(i);
      double residual = LogisticModel.sigmoid(model.logOdds(row)) - DESIGN.labels()[i];
      interceptGradient += c * residual;
      for (int k = 0; k < row.size(); k++) {
        gradient[row.indices()[k]] += c * residual * row.values()[k];
      }
    }

    // LIBLINEAR's stopping rule is relative to the gradient at w = 0, which grows with C n
    double tolerance = 1e-9 * c * DESIGN.size();
    for (int j = 0; j < gradient.length; j++) {
      assertThat(gradient[j] + model.weight(j))
          .as("gradient of w_%d", j)
          .isCloseTo(0, within(tolerance));
    }

    assertThat(interceptGradient).as("gradient of the intercept").isCloseTo(0, within(tolerance));
  }

  @Test
  void positiveWeightMeansMoreFraudWhicheverLabelComesFirst() {
    Design genuineFirst = reorderedWithFirstLabel(DESIGN, 0);
    Design fraudFirst = reorderedWithFirstLabel(DESIGN, 1);

    LogisticModel a = solver.fit(genuineFirst, 1);
    LogisticModel b = solver.fit(fraudFirst, 1);

    assertThat(a.weight(0)).as("informative feature 0 raises fraud").isGreaterThan(0.5);
    assertThat(a.weight(1)).as("informative feature 1 lowers fraud").isLessThan(-0.5);
    assertThat(b.weight(0)).isCloseTo(a.weight(0), within(1e-6));
    assertThat(b.intercept()).isCloseTo(a.intercept(), within(1e-6));
  }

  @Test
  void interceptIsNotRegularised() {
    double positives = 0;
    for (double label : DESIGN.labels()) {
      positives += label;
    }

    LogisticModel model = solver.fit(DESIGN, 1e-7);

    double baseRate = positives / DESIGN.size();
    assertThat(model.intercept()).isCloseTo(Math.log(baseRate / (1 - baseRate)), within(1e-3));
    assertThat(java.util.Arrays.stream(model.weights()).map(Math::abs).max().orElse(0))
        .isLessThan(1e-3);
  }

  @Test
  void sameDesignGivesTheSameModel() {
    assertThat(solver.fit(DESIGN, 0.3)).isEqualTo(LiblinearSolver.precise().fit(DESIGN, 0.3));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 1, 10})
  void trainingToleranceFitsNearlyThePreciseModel(double c) {
    LogisticModel precise = solver.fit(DESIGN, c);

    LogisticModel training = LiblinearSolver.create().fit(DESIGN, c);

    double largest = 0;
    for (SparseVector row : DESIGN.rows()) {
      largest = Math.max(largest, Math.abs(training.logOdds(row) - precise.logOdds(row)));
    }
    // measured 8.7e-5 (C 0.01), 7.3e-4 (C 1), 1.5e-3 (C 10): the same ranking of rows, while
    // the stopping rule still takes Newton steps past the first (the difference is not zero)
    assertThat(largest).isLessThan(1e-2).isGreaterThan(0);
  }

  @Test
  void printsNothing() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true));
    try {
      solver.fit(DESIGN, 1);
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString()).isEmpty();
  }

  @Test
  void allNegativeLabelsGiveTheSmoothedBaseRate() {
    Design design = withLabels(DESIGN, 0);

    LogisticModel model = solver.fit(design, 1);

    assertThat(model.intercept()).isCloseTo(Math.log(0.5 / (DESIGN.size() + 0.5)), within(1e-12));
    assertThat(model.indices()).isEmpty();
    assertThat(model.dimension()).isEqualTo(DESIGN.dimension());
  }

  @Test
  void allPositiveLabelsGiveTheSmoothedBaseRate() {
    LogisticModel model = solver.fit(withLabels(DESIGN, 1), 1);

    assertThat(model.intercept()).isCloseTo(Math.log((DESIGN.size() + 0.5) / 0.5), within(1e-12));
    assertThat(model.indices()).isEmpty();
  }

  @Test
  void emptyDesignIsRejected() {
    Design empty = new Design(List.of(), new double[0], 10);

    assertThatThrownBy(() -> solver.fit(empty, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot fit an empty design (no rows)");
  }

  @Test
  void labelOtherThanZeroOrOneIsRejected() {
    double[] labels = DESIGN.labels().clone();
    labels[5] = -1;

    assertThatThrownBy(() -> solver.fit(new Design(DESIGN.rows(), labels, DESIGN.dimension()), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label of row 5 is -1.0, not 0 or 1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void nonPositiveOrNonFiniteCIsRejected(double c) {
    assertThatThrownBy(() -> solver.fit(DESIGN, c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("C must be positive and finite");
  }

  @Test
  void featureIndexBeyondTheDimensionIsRejected() {
    Design design =
        new Design(
            List.of(new SparseVector(new int[] {3}, new double[] {1}), SparseVector.EMPTY),
            new double[] {1, 0},
            3);

    assertThatThrownBy(() -> solver.fit(design, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature index 3 outside the design's dimension 3");
  }

  private static Design reorderedWithFirstLabel(Design design, double label) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < design.size(); i++) {
      order.add(i);
    }

    int first = 0;
    while (design.labels()[first] != label) {
      first++;
    }

    Collections.swap(order, 0, first);
    List<SparseVector> rows = new ArrayList<>();
    double[] labels = new double[design.size()];
    for (int i = 0; i < order.size(); i++) {
      rows.add(design.rows().get(order.get(i)));
      labels[i] = design.labels()[order.get(i)];
    }

    return new Design(rows, labels, design.dimension());
  }

  private static Design withLabels(Design design, double label) {
    double[] labels = new double[design.size()];
    java.util.Arrays.fill(labels, label);
    return new Design(design.rows(), labels, design.dimension());
  }
}
