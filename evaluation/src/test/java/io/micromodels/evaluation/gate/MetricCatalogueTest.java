package io.micromodels.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.config.GateSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricCatalogueTest {
  @Test
  void everyGateMetricHasADirection() {
    assertThat(GateSpec.METRICS)
        .allSatisfy(metric -> assertThat(MetricCatalogue.direction(metric)).isNotNull());
  }

  @ParameterizedTest
  @CsvSource({
    "pr_auc, HIGHER_IS_BETTER", "label_completeness, HIGHER_IS_BETTER",
    "feature_rank_correlation, HIGHER_IS_BETTER", "log_loss, LOWER_IS_BETTER",
    "population_stability_index, LOWER_IS_BETTER", "false_positive_rate, LOWER_IS_BETTER",
    "block_rate, NEUTRAL", "review_rate, NEUTRAL"
  })
  void directionsFollowWhatMakesAModelBetter(String metric, MetricDirection direction) {
    assertThat(MetricCatalogue.direction(metric)).isEqualTo(direction);
  }

  @Test
  void anUnknownMetricHasNoDirection() {
    assertThatThrownBy(() -> MetricCatalogue.direction("auc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown gate metric auc");
  }

  @Test
  void comparisonMetricsAreTheCandidateVersusChampionOnes() {
    assertThat(GateSpec.METRICS.stream().filter(MetricCatalogue::comparesWithChampion))
        .containsExactlyInAnyOrder(
            "action_change_rate",
            "score_difference",
            "score_rank_correlation",
            "feature_rank_correlation",
            "population_stability_index");
  }

  @Test
  void atLeastAsGoodFollowsTheDirectionAndIncludesEquality() {
    assertThat(MetricDirection.HIGHER_IS_BETTER.isAtLeastAsGood(0.5, 0.5)).isTrue();
    assertThat(MetricDirection.HIGHER_IS_BETTER.isAtLeastAsGood(0.49, 0.5)).isFalse();
    assertThat(MetricDirection.LOWER_IS_BETTER.isAtLeastAsGood(0.5, 0.5)).isTrue();
    assertThat(MetricDirection.LOWER_IS_BETTER.isAtLeastAsGood(0.51, 0.5)).isFalse();
    assertThatThrownBy(() -> MetricDirection.NEUTRAL.isAtLeastAsGood(0.5, 0.5))
        .isInstanceOf(IllegalStateException.class);
  }
}
