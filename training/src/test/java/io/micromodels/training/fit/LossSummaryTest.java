package io.micromodels.training.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.featurize.SparseVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossSummaryTest {
  @Test
  void meanAndStandardErrorOfPerRowLosses() {
    LossSummary summary = LossSummary.ofLosses(new double[] {1, 2, 3, 6});

    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.meanLogLoss()).isCloseTo(3, within(1e-15));
    // sample variance (4 + 1 + 0 + 9) / 3, over sqrt(4)
    assertThat(summary.standardError()).isCloseTo(Math.sqrt(14.0 / 3) / 2, within(1e-15));
  }

  @Test
  void singleRowHasZeroStandardError() {
    assertThat(LossSummary.ofLosses(new double[] {0.7})).isEqualTo(new LossSummary(1, 0.7, 0));
  }

  @Test
  void logLossOfAModelOnADesign() {
    LogisticModel model = LogisticModel.ofDense(0, new double[] {Math.log(3)});
    SparseVector x = new SparseVector(new int[] {0}, new double[] {1});
    Design design = new Design(List.of(x, x, SparseVector.EMPTY), new double[] {1, 0, 1}, 1);

    LossSummary summary = LossSummary.of(model, design);

    // p = 0.75 for x, 0.5 for the empty row
    double expected = (-Math.log(0.75) - Math.log(0.25) - Math.log(0.5)) / 3;
    assertThat(summary.meanLogLoss()).isCloseTo(expected, within(1e-15));
  }

  @Test
  void probabilitiesAreClippedLikeScikitLearn() {
    LogisticModel certain = LogisticModel.ofDense(-1000, new double[0]);
    Design wrong = new Design(List.of(SparseVector.EMPTY), new double[] {1}, 0);

    assertThat(LossSummary.of(certain, wrong).meanLogLoss())
        .isCloseTo(-Math.log(1e-15), within(1e-9));
  }

  @Test
  void emptyValidationDesignIsRejected() {
    assertThatThrownBy(
            () ->
                LossSummary.of(
                    LogisticModel.ofDense(0, new double[0]),
                    new Design(List.of(), new double[0], 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot measure a loss on an empty validation design");
  }
}
