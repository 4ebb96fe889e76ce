package io.micromodels.training.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.training.testing.SyntheticDesigns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularisationSearchTest {
  private static final List<Double> GRID = List.of(0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);
  private final RegularisationSearch search = RegularisationSearch.over(GRID);

  @Test
  void labelsIndependentOfFeaturesChooseTheStrongestC() {
    SyntheticDesigns noise = SyntheticDesigns.moderate().withSignal(0);

    RegularisationSearch.Result result =
        search.search(noise.generate(1), noise.generate(2), LiblinearSolver.create());

    assertThat(result.path().chosenC()).isEqualTo(0.0003);
    assertThat(result.path().points())
        .hasSize(GRID.size())
        .allSatisfy(point -> assertThat(point.validation().rows()).isEqualTo(3000));
  }

  @Test
  void strongCleanSignalWithPlentyOfRowsChoosesWeakRegularisationAndRanksWell() {
    SyntheticDesigns signal = SyntheticDesigns.moderate().withRows(20_000);
    Design validation = signal.withRows(5000).generate(4);

    RegularisationSearch.Result result =
        search.search(signal.generate(3), validation, LiblinearSolver.create());

    // the strongest Cs shrink real signal (C n = 6 at C = 0.0003) and lose clearly; with
    // 20,000 rows the loss curve is flat from C = 0.01 on, and the rule takes that flat start
    assertThat(result.path().chosenC()).isGreaterThanOrEqualTo(0.01);
    assertThat(result.path().chosen().validation().meanLogLoss())
        .isLessThan(result.path().points().get(0).validation().meanLogLoss() - 0.1);
    assertThat(auc(result.model(), validation))
        .isGreaterThan(auc(signal.trueModel(), validation) - 0.005);
  }

  @Test
  void returnsTheModelFittedAtTheChosenC() {
    SyntheticDesigns designs = SyntheticDesigns.moderate();
    Design fit = designs.generate(5);

    RegularisationSearch.Result result =
        search.search(fit, designs.generate(6), LiblinearSolver.create());

    assertThat(result.model())
        .isEqualTo(LiblinearSolver.create().fit(fit, result.path().chosenC()));
  }

  @Test
  void designsOfDifferentDimensionAreRejected() {
    Design fit = SyntheticDesigns.moderate().withRows(50).generate(1);
    Design other = new SyntheticDesigns(50, 301, 12, 10, 1.5, -1.2).generate(1);

    assertThatThrownBy(() -> search.search(fit, other, LiblinearSolver.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fit and validation designs differ in dimension: 300 vs 301");
  }

  @Test
  void gridWithARepeatedCIsRejected() {
    assertThatThrownBy(() -> RegularisationSearch.over(List.of(0.1, 1.0, 0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the C grid has a value twice: [0.1, 1.0, 0.1]");
  }

  private static double auc(LogisticModel model, Design design) {
    double[] scores = design.rows().stream().mapToDouble(model::logOdds).toArray();
    return SyntheticDesigns.auc(scores, design.labels());
  }
}
