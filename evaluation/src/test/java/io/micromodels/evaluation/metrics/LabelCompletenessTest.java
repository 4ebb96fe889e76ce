package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.TOLERANCE;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static io.micromodels.evaluation.metrics.MetricFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelCompletenessTest {
  private static final Instant EVALUATED_AT = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void matchesNumpyEmpiricalCdfReference() {
    JsonNode c = MetricFixtures.named("label_completeness", "gamma_history");
    List<Instant> events =
        Arrays.stream(strings(c.get("event_times"))).map(Instant::parse).toList();
    double completeness =
        LabelCompleteness.fromDelays(doubles(c.get("delay_days")))
            .completeness(Instant.parse(c.get("evaluated_at").asText()), events);
    assertThat(completeness).isCloseTo(c.get("expected").doubleValue(), within(TOLERANCE));
  }

  @Test
  void cdfCountsDelaysAtMostTheAge() {
    LabelCompleteness curve = LabelCompleteness.fromDelays(new double[] {10, 2, 5, 5});
    assertThat(curve.cdf(1.9)).isEqualTo(0.0);
    assertThat(curve.cdf(5)).isEqualTo(0.75);
    assertThat(curve.cdf(10)).isEqualTo(1.0);
    assertThat(curve.historySize()).isEqualTo(4);
  }

  @Test
  void aHistogramOfDelaysGivesTheCurveOfTheDelaysItCounts() {
    LabelCompleteness counted =
        LabelCompleteness.fromCounts(new double[] {5, 10, 2, 5}, new long[] {2, 1, 1, 0});
    LabelCompleteness listed = LabelCompleteness.fromDelays(new double[] {10, 2, 5, 5});
    for (double days : new double[] {0, 1.9, 2, 4.99, 5, 9, 10, 11}) {
      assertThat(counted.cdf(days)).as("F(%s)", days).isEqualTo(listed.cdf(days));
    }

    assertThat(counted.historySize()).isEqualTo(4);
    assertThat(LabelCompleteness.fromCounts(new double[] {3}, new long[] {0}).cdf(5)).isNaN();
    assertThatThrownBy(() -> LabelCompleteness.fromCounts(new double[] {3}, new long[] {-1}))
        .hasMessageContaining("negative count");
    assertThatThrownBy(() -> LabelCompleteness.fromCounts(new double[] {3}, new long[0]))
        .hasMessageContaining("1 delays but 0 counts");
  }

  @Test
  void completenessAveragesTheCurveOverTheTestEventsAges() {
    LabelCompleteness curve = LabelCompleteness.fromDelays(new double[] {1, 3, 7, 30});
    List<Instant> events =
        List.of(
            daysBefore(0.5), daysBefore(3), daysBefore(40), EVALUATED_AT.plus(Duration.ofDays(1)));
    // F: 0, 0.5, 1, 0 (the last event is after the evaluation date).
    assertThat(curve.completeness(EVALUATED_AT, events)).isEqualTo(1.5 / 4);
  }

  @Test
  void isNaNWithoutHistoryOrWithoutTestEvents() {
    assertThat(
            LabelCompleteness.fromDelays(new double[0])
                .completeness(EVALUATED_AT, List.of(daysBefore(3))))
        .isNaN();
    assertThat(LabelCompleteness.fromDelays(new double[] {1}).completeness(EVALUATED_AT, List.of()))
        .isNaN();
  }

  private static Instant daysBefore(double days) {
    return EVALUATED_AT.minusSeconds(Math.round(days * 86_400));
  }
}
