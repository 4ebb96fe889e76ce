package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.TOLERANCE;
import static io.micromodels.evaluation.metrics.MetricFixtures.booleans;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static io.micromodels.evaluation.metrics.MetricFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrecisionAtKTest {
  static List<JsonNode> cases() {
    return MetricFixtures.cases("precision_at_k");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPandasReference(JsonNode c) {
    LocalDate[] days =
        Arrays.stream(strings(c.get("day"))).map(LocalDate::parse).toArray(LocalDate[]::new);
    double precision = PrecisionAtK.perDay(days, strings(c.get("customer")),
        doubles(c.get("score")), booleans(c.get("fraud")), c.get("k").intValue());
    assertThat(precision).isCloseTo(c.get("expected").doubleValue(), within(TOLERANCE));
  }

  @Test
  void equalScoresAreBrokenByCustomerIdAscending() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day};
    double[] scores = {0.9, 0.9};
    assertThat(PrecisionAtK.perDay(days, new String[] {"b", "a"}, scores,
        new boolean[] {true, false}, 1)).isEqualTo(0.0);
    assertThat(PrecisionAtK.perDay(days, new String[] {"a", "b"}, scores,
        new boolean[] {true, false}, 1)).isEqualTo(1.0);
  }

  @Test
  void aCustomerCountsOncePerDayWithItsHighestScoreAndAnyFraud() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day, day};
    String[] customers = {"a", "a", "b"};
    // a's low-scored fraud event still makes a (ranked by its 0.9) a fraud customer.
    double precision = PrecisionAtK.perDay(days, customers, new double[] {0.9, 0.1, 0.5},
        new boolean[] {false, true, false}, 1);
    assertThat(precision).isEqualTo(1.0);
  }

  @Test
  void isNaNWithoutEventsAndRejectsNonPositiveK() {
    assertThat(PrecisionAtK.perDay(new LocalDate[0], new String[0], new double[0],
        new boolean[0], 5)).isNaN();
    assertThatThrownBy(() -> PrecisionAtK.perDay(new LocalDate[0], new String[0], new double[0],
        new boolean[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be at least 1, got 0");
  }
}
