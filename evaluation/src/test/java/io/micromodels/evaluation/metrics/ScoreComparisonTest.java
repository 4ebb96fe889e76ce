package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.Events.event;
import static io.micromodels.evaluation.metrics.Events.prediction;
import static io.micromodels.training.policy.Action.ALLOW;
import static io.micromodels.training.policy.Action.PREVENT;
import static io.micromodels.training.policy.Action.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreComparisonTest {
  @Test
  void comparesTheScoresOfEventsWithAChampion() {
    ScoreComparison comparison =
        ScoreComparison.of(
            List.of(
                event("1", false, 1, prediction(10, ALLOW), prediction(12, ALLOW)),
                event("2", false, 1, prediction(55, REVIEW), prediction(50, REVIEW)),
                event("3", true, 1, prediction(95, PREVENT), prediction(70, REVIEW)),
                event("4", true, 1, prediction(30, ALLOW), prediction(30, ALLOW)),
                event("5", true, 1, prediction(99, PREVENT), null)));

    assertThat(comparison.rows()).isEqualTo(4);
    assertThat(comparison.meanAbsDifference()).isEqualTo((2 + 5 + 25 + 0) / 4.0);
    assertThat(comparison.maxAbsDifference()).isEqualTo(25);
    assertThat(comparison.actionChangeRate()).isEqualTo(0.25);
    assertThat(comparison.spearman()).isEqualTo(1.0);
    assertThat(comparison.psi())
        .isCloseTo(
            PopulationStability.psi(new double[] {12, 50, 70, 30}, new double[] {10, 55, 95, 30}),
            within(0.0));
    assertThat(comparison.psi()).isGreaterThan(0);
  }

  @Test
  void isNaNWithoutAnyChampion() {
    ScoreComparison comparison =
        ScoreComparison.of(List.of(event("1", true, 1, prediction(99, PREVENT), null)));
    assertThat(comparison)
        .isEqualTo(
            new ScoreComparison(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
  }
}
