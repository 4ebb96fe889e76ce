package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.Events.event;
import static io.micromodels.evaluation.metrics.Events.prediction;
import static io.micromodels.evaluation.metrics.TransitionMatrix.Label.FRAUD;
import static io.micromodels.evaluation.metrics.TransitionMatrix.Label.GENUINE;
import static io.micromodels.training.policy.Action.ALLOW;
import static io.micromodels.training.policy.Action.PREVENT;
import static io.micromodels.training.policy.Action.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionMatrixTest {
  private static final TransitionMatrix MATRIX =
      TransitionMatrix.of(
          List.of(
              event("1", false, 10, prediction(90, PREVENT), prediction(10, ALLOW)),
              event("2", false, 20, prediction(10, ALLOW), prediction(10, ALLOW)),
              event("3", false, 30, prediction(12, ALLOW), prediction(11, ALLOW)),
              event("4", false, 40, prediction(60, REVIEW), prediction(95, PREVENT)),
              event("5", true, 500, prediction(95, PREVENT), prediction(50, REVIEW)),
              event("6", true, 700, prediction(96, PREVENT), prediction(97, PREVENT)),
              event("7", true, 900, prediction(97, PREVENT), null)));

  @Test
  void countsAndAmountsAreSplitByLabel() {
    assertThat(MATRIX.count(GENUINE, ALLOW, PREVENT)).isEqualTo(1);
    assertThat(MATRIX.count(GENUINE, ALLOW, ALLOW)).isEqualTo(2);
    assertThat(MATRIX.count(FRAUD, ALLOW, PREVENT)).isZero();
    assertThat(MATRIX.count(FRAUD, REVIEW, PREVENT)).isEqualTo(1);
    assertThat(MATRIX.amount(GENUINE, ALLOW, ALLOW)).isEqualTo(50);
    assertThat(MATRIX.amount(FRAUD, PREVENT, PREVENT)).isEqualTo(700);
  }

  @Test
  void sharesAreOfTheLabelsComparedRows() {
    assertThat(MATRIX.rows(GENUINE)).isEqualTo(4);
    assertThat(MATRIX.share(GENUINE, ALLOW, PREVENT)).isEqualTo(0.25);
    assertThat(MATRIX.amountShare(GENUINE, ALLOW, PREVENT)).isEqualTo(0.1);
    assertThat(MATRIX.share(FRAUD, REVIEW, PREVENT)).isEqualTo(0.5);
  }

  @Test
  void actionChangeRateAndSkippedRows() {
    assertThat(MATRIX.rows()).isEqualTo(6);
    assertThat(MATRIX.actionChangeRate()).isEqualTo(3.0 / 6);
    assertThat(MATRIX.skipped()).isEqualTo(1);
  }

  @Test
  void withoutAnyChampionEveryShareIsNaN() {
    TransitionMatrix empty =
        TransitionMatrix.of(List.of(event("1", true, 5, prediction(90, PREVENT), null)));
    assertThat(empty.skipped()).isEqualTo(1);
    assertThat(empty.actionChangeRate()).isNaN();
    assertThat(empty.share(FRAUD, ALLOW, PREVENT)).isNaN();
  }
}
