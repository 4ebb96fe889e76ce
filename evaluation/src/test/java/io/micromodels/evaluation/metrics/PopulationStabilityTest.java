package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.TOLERANCE;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PopulationStabilityTest {
  static List<JsonNode> cases() {
    return MetricFixtures.cases("psi");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesNumpyHistogramReference(JsonNode c) {
    assertThat(PopulationStability.psi(doubles(c.get("expected")), doubles(c.get("actual"))))
        .isCloseTo(c.get("psi").doubleValue(), within(TOLERANCE));
  }

  @Test
  void anEmptyBinCountsAsTheEpsilonShare() {
    // All expected in [0,10), all actual in [90,100]: two bins with shares 1 and 1e-4 swapped.
    double psi = PopulationStability.psi(new double[] {5}, new double[] {100});
    double e = PopulationStability.EMPTY_BIN_SHARE;
    assertThat(psi).isCloseTo(2 * (1 - e) * Math.log(1 / e), within(TOLERANCE));
  }

  @Test
  void isNaNWhenASideIsEmptyAndRejectsScoresOutside0To100() {
    assertThat(PopulationStability.psi(new double[0], new double[] {1})).isNaN();
    assertThatThrownBy(() -> PopulationStability.psi(new double[] {101}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected scores[0] is outside [0.0, 100.0]: 101.0");
  }
}
