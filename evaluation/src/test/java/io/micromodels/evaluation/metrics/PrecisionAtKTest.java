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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrecisionAtKTest {
  static List<JsonNode> cases() {
    return MetricFixtures.cases("precision_at_k");
  }

  /** Each case of {@code daily_precision_at_k.json} with each k it has expected values for. */
  static List<Arguments> dailyCases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : MetricFixtures.cases("daily_precision_at_k")) {
      c.get("expected")
          .forEach(
              e ->
                  cases.add(
                      Arguments.of(c.get("name").asText() + " k=" + e.get("k").intValue(), c, e)));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPandasReference(JsonNode c) {
    double precision =
        PrecisionAtK.perDay(
            days(c),
            strings(c.get("customer")),
            doubles(c.get("score")),
            booleans(c.get("fraud")),
            c.get("k").intValue());
    assertThat(precision).isCloseTo(c.get("expected").doubleValue(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dailyCases")
  void cardPrecisionMatchesTheHandbookInPandas(String name, JsonNode c, JsonNode expected) {
    double precision =
        PrecisionAtK.cards(
            days(c),
            strings(c.get("customer")),
            doubles(c.get("score")),
            booleans(c.get("fraud")),
            expected.get("k").intValue());
    assertThat(precision).isCloseTo(expected.get("card").doubleValue(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dailyCases")
  void eventPrecisionMatchesPandas(String name, JsonNode c, JsonNode expected) {
    double precision =
        PrecisionAtK.events(
            days(c),
            strings(c.get("event_id")),
            doubles(c.get("score")),
            booleans(c.get("fraud")),
            expected.get("k").intValue());
    assertThat(precision).isCloseTo(expected.get("event").doubleValue(), within(TOLERANCE));
  }

  @Test
  void aCustomerFoundAsFraudIsRemovedFromLaterDaysButAMissOrAGenuineOneIsNot() {
    LocalDate first = LocalDate.of(2026, 1, 1);
    LocalDate second = first.plusDays(1);
    LocalDate[] days = {first, first, second, second, second};
    String[] customers = {"a", "b", "a", "b", "c"};
    double[] scores = {0.9, 0.8, 0.9, 0.8, 0.1};
    boolean[] fraud = {true, false, true, false, true};
    // Day 2 at k=1: a (found on day 1) is gone, genuine b stays and is reviewed again.
    assertThat(PrecisionAtK.cards(days, customers, scores, fraud, 1)).isEqualTo(0.5);
    // The older precision_at_k removes nobody: a is found on both days.
    assertThat(PrecisionAtK.perDay(days, customers, scores, fraud, 1)).isEqualTo(1.0);
  }

  @Test
  void cardAndEventPrecisionDivideASmallDayByK() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day};
    double[] scores = {0.9, 0.5};
    boolean[] fraud = {true, true};
    String[] ids = {"a", "b"};
    assertThat(PrecisionAtK.cards(days, ids, scores, fraud, 4)).isEqualTo(0.5);
    assertThat(PrecisionAtK.events(days, ids, scores, fraud, 4)).isEqualTo(0.5);
    assertThat(PrecisionAtK.perDay(days, ids, scores, fraud, 4)).isEqualTo(1.0);
  }

  @Test
  void eventPrecisionCountsEveryEventOfACustomer() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day, day};
    double[] scores = {0.9, 0.8, 0.1};
    boolean[] fraud = {true, true, false};
    assertThat(PrecisionAtK.events(days, new String[] {"e1", "e2", "e3"}, scores, fraud, 2))
        .isEqualTo(1.0);
    assertThat(PrecisionAtK.cards(days, new String[] {"a", "a", "b"}, scores, fraud, 2))
        .isEqualTo(0.5);
  }

  private static LocalDate[] days(JsonNode c) {
    return Arrays.stream(strings(c.get("day"))).map(LocalDate::parse).toArray(LocalDate[]::new);
  }

  @Test
  void equalScoresAreBrokenByCustomerIdAscending() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day};
    double[] scores = {0.9, 0.9};
    assertThat(
            PrecisionAtK.perDay(
                days, new String[] {"b", "a"}, scores, new boolean[] {true, false}, 1))
        .isEqualTo(0.0);
    assertThat(
            PrecisionAtK.perDay(
                days, new String[] {"a", "b"}, scores, new boolean[] {true, false}, 1))
        .isEqualTo(1.0);
  }

  @Test
  void aCustomerCountsOncePerDayWithItsHighestScoreAndAnyFraud() {
    LocalDate day = LocalDate.of(2026, 1, 1);
    LocalDate[] days = {day, day, day};
    String[] customers = {"a", "a", "b"};
    // a's low-scored fraud event still makes a (ranked by its 0.9) a fraud customer.
    double precision =
        PrecisionAtK.perDay(
            days, customers, new double[] {0.9, 0.1, 0.5}, new boolean[] {false, true, false}, 1);
    assertThat(precision).isEqualTo(1.0);
  }

  @Test
  void isNaNWithoutEventsAndRejectsNonPositiveK() {
    assertThat(
            PrecisionAtK.perDay(new LocalDate[0], new String[0], new double[0], new boolean[0], 5))
        .isNaN();
    assertThat(
            PrecisionAtK.cards(new LocalDate[0], new String[0], new double[0], new boolean[0], 5))
        .isNaN();
    assertThat(
            PrecisionAtK.events(new LocalDate[0], new String[0], new double[0], new boolean[0], 5))
        .isNaN();
    assertThatThrownBy(
            () ->
                PrecisionAtK.perDay(
                    new LocalDate[0], new String[0], new double[0], new boolean[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be at least 1, got 0");
  }
}
