package io.micromodels.evaluation.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldLayoutTest {
  private static final Instant END_OF_OCT_7 = Instant.parse("2025-10-07T23:59:59.999999Z");

  @Test
  void testWindowsAreBackToBackWholeDaysEndingWithTheEvaluationDay() {
    FoldLayout layout = FoldLayout.of(END_OF_OCT_7, 4, 90, 60, 7);

    assertThat(layout.folds())
        .extracting(Fold::testStart)
        .containsExactly(
            day("2025-09-10"), day("2025-09-17"), day("2025-09-24"), day("2025-10-01"));
    assertThat(layout.testEnd()).isEqualTo(day("2025-10-08"));
    Fold first = layout.folds().get(0);
    assertThat(first.cutoff()).isEqualTo(first.testStart());
    assertThat(first.trainEnd()).isEqualTo(day("2025-07-12"));
    assertThat(first.trainStart()).isEqualTo(day("2025-04-13"));
    assertThat(layout.describe().get(0))
        .isEqualTo(
            "fold 1: train [2025-04-13T00:00:00.000000Z,"
                + " 2025-07-12T00:00:00.000000Z) with labels as of its cut-off 2025-09-10T00:00:00.000000Z,"
                + " test [2025-09-10T00:00:00.000000Z, 2025-09-17T00:00:00.000000Z) with labels as of"
                + " 2025-10-07T23:59:59.999999Z");
  }

  @Test
  void aModelThatTrainedOnTheTestWindowsIsNamedAsInSample() {
    FoldLayout layout = FoldLayout.of(END_OF_OCT_7, 2, 90, 60, 7);

    assertThat(layout.inSample("champion", day("2025-09-24"))).isEmpty();
    assertThat(layout.inSample("champion", day("2025-09-24").plusNanos(1000)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains(
                        "champion trained on decision events"
                            + " up to 2025-09-24T00:00:00.000001Z")
                    .contains("in-sample"));
  }

  @Test
  void aMidDayEvaluationLeavesItsUnfinishedDayOut() {
    FoldLayout layout = FoldLayout.of(Instant.parse("2025-10-08T13:00:00Z"), 1, 30, 0, 1);

    assertThat(layout.folds().get(0).testStart()).isEqualTo(day("2025-10-07"));
    assertThat(layout.testEnd()).isEqualTo(day("2025-10-08"));
  }

  /** The leakage property, on every hour of a year of events, for several layouts. */
  @Test
  void noTestEventIsInsideItsFoldsTrainingWindowOrWithinTheLabelDelayOfIt() {
    for (FoldLayout layout :
        List.of(
            FoldLayout.of(END_OF_OCT_7, 4, 90, 60, 7),
            FoldLayout.of(END_OF_OCT_7, 12, 7, 0, 1),
            FoldLayout.of(END_OF_OCT_7, 3, 200, 30, 30))) {
      int tested = 0;
      for (Instant t = day("2024-10-01"); t.isBefore(day("2025-10-09")); t = t.plusSeconds(3600)) {
        Instant event = t;
        var fold = layout.testing(event);
        if (fold.isEmpty()) {
          continue;
        }

        tested++;
        Fold f = fold.get();
        assertThat(f.trainsOn(event)).isFalse();
        assertThat(Duration.between(f.trainEnd(), event))
            .isGreaterThanOrEqualTo(Duration.ofDays(layout.labelDelayDays()));
        assertThat(event).isAfterOrEqualTo(f.cutoff()).isBefore(layout.evaluatedAt());
        assertThat(layout.folds().stream().filter(o -> o.tests(event))).hasSize(1);
      }

      assertThat(tested).isEqualTo(layout.folds().size() * layout.testDays() * 24);
    }
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> FoldLayout.of(END_OF_OCT_7, 0, 90, 60, 7))
        .hasMessage("folds must be at least 1: 0");
    assertThatThrownBy(() -> FoldLayout.of(END_OF_OCT_7, 2, 90, -1, 7))
        .hasMessage("label delay must not be negative: -1");
    assertThatThrownBy(() -> FoldLayout.of(END_OF_OCT_7, 2, 90, 1, 0))
        .hasMessage("test days must be at least 1: 0");
  }

  private static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }
}
