package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.TOLERANCE;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RankCorrelationTest {
  static List<JsonNode> arrayCases() {
    return MetricFixtures.cases("spearman").stream().filter(c -> c.has("x")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrayCases")
  void matchesScipySpearmanr(JsonNode c) {
    BinaryMetricsTest.assertMatches(
        RankCorrelation.spearman(doubles(c.get("x")), doubles(c.get("y"))), c.get("expected"));
  }

  @Test
  void importanceMapsTreatAMissingNameAsZero() {
    JsonNode c = MetricFixtures.named("spearman", "importances");
    assertThat(RankCorrelation.spearman(map(c.get("a")), map(c.get("b"))))
        .isCloseTo(c.get("expected").doubleValue(), within(TOLERANCE));
  }

  @Test
  void tiesShareTheirAverageRank() {
    assertThat(RankCorrelation.averageRanks(new double[] {3, 1, 3, 2, 3}))
        .containsExactly(4, 1, 4, 2, 4);
  }

  @Test
  void isNaNForFewerThanTwoPairsOrAConstantSide() {
    assertThat(RankCorrelation.spearman(new double[] {1}, new double[] {2})).isNaN();
    assertThat(RankCorrelation.spearman(new double[0], new double[0])).isNaN();
    assertThat(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
  }

  private static Map<String, Double> map(JsonNode object) {
    Map<String, Double> map = new HashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().doubleValue()));
    return map;
  }
}
