package io.micromodels.features.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.config.Aggregate;
import io.micromodels.features.config.FeatureSpec;
import io.micromodels.features.config.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTimelineTest {
  private static final long HOUR = 3_600_000_000L;
  private static final long DAY = 24 * HOUR;
  private static final long T0 = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli() * 1000;

  private static FeatureSpec spec(
      Aggregate aggregate, String of, List<String> types, Duration delay, String... windows) {
    return new FeatureSpec(
        "customer_id",
        aggregate,
        of,
        java.util.Arrays.stream(windows).map(Window::parse).toList(),
        delay,
        types);
  }

  private static HistoryEvent order(long time, String id, double amount, String card) {
    return new HistoryEvent(
        time, id, "order", true, amount, Map.of("payment_method.fingerprint", card), null);
  }

  @Test
  void handComputedFeaturesSeeOnlyThePast() {
    EntityTimeline timeline =
        new EntityTimeline(
            List.of(
                spec(Aggregate.COUNT, null, List.of("order"), Duration.ZERO, "1h", "24h"),
                spec(Aggregate.AVG, null, List.of(), Duration.ZERO, "30d"),
                spec(Aggregate.MAX, null, List.of(), Duration.ZERO, "30d"),
                spec(Aggregate.SUM, null, List.of(), Duration.ZERO, "30d"),
                spec(Aggregate.AMOUNT_RATIO, null, List.of(), Duration.ZERO, "30d"),
                spec(
                    Aggregate.DISTINCT_COUNT,
                    "payment_method.fingerprint",
                    List.of(),
                    Duration.ZERO,
                    "7d"),
                spec(Aggregate.COUNT, null, List.of(), Duration.ZERO, "7d")),
            Set.of("order"));

    assertThat(timeline.columns())
        .containsExactly(
            "customer.order_count_1h",
            "customer.order_count_24h",
            "customer.amount_avg_30d",
            "customer.amount_max_30d",
            "customer.amount_sum_30d",
            "customer.amount_ratio_30d",
            "customer.distinct_fingerprints_7d",
            "customer.count_7d");
    Double[] none =
        timeline.observe(
            new HistoryEvent(T0, "a0", "account_created", false, null, Map.of(), null));
    Double[] first = timeline.observe(order(T0 + HOUR, "o1", 10, "A"));
    Double[] second = timeline.observe(order(T0 + 2 * HOUR, "o2", 30, "B"));
    Double[] tie = timeline.observe(order(T0 + 2 * HOUR, "o3", 20, "A"));
    Double[] later = timeline.observe(order(T0 + 26 * HOUR, "o4", 60, "A"));

    assertThat(none).isNull();
    // The first order: no earlier order; the sign-up counts among all events.
    assertThat(first).containsExactly(0.0, 0.0, null, null, 0.0, null, 0.0, 1.0);
    // o1 is exactly 1h earlier: inside [t - 1h, t).
    assertThat(second).containsExactly(1.0, 1.0, 10.0, 10.0, 10.0, 3.0, 1.0, 2.0);
    // Same microsecond as o2 but a later id: o2 is in its past.
    assertThat(tie).containsExactly(2.0, 2.0, 20.0, 30.0, 40.0, 1.0, 2.0, 3.0);
    // 26h: o1..o3 left the 24h window (t - 24h = T0 + 2h still holds o2 and o3).
    assertThat(later).containsExactly(0.0, 2.0, 20.0, 30.0, 60.0, 3.0, 2.0, 4.0);
  }

  @Test
  void eventsExactlyAtTheWindowStartCountAndAtTheEventTimeOnlyByEventId() {
    EntityTimeline timeline =
        new EntityTimeline(
            List.of(spec(Aggregate.COUNT, null, List.of(), Duration.ZERO, "1h")), Set.of("order"));
    timeline.observe(new HistoryEvent(T0, "z", "login", false, null, Map.of(), null));
    timeline.observe(new HistoryEvent(T0 + HOUR, "b", "login", false, null, Map.of(), null));

    Double[] atBoundary = timeline.observe(order(T0 + HOUR, "c", 1, "A"));
    Double[] justAfter = timeline.observe(order(T0 + HOUR + 1, "a", 1, "A"));

    // [T0, T0+1h): the login at T0 counts, the login "b" at the same microsecond sorts before "c".
    assertThat(atBoundary).containsExactly(2.0);
    // [T0+1µs, T0+1h+1µs): the login at T0 has left.
    assertThat(justAfter).containsExactly(2.0);
  }

  @Test
  void delayedLabelRateUsesOnlyLabelsKnownBeforeTheEvent() {
    EntityTimeline timeline =
        new EntityTimeline(
            List.of(spec(Aggregate.LABEL_RATE, null, List.of(), Duration.ofDays(7), "28d")),
            Set.of("order"));
    timeline.observe(new HistoryEvent(T0, "d1", "order", true, 5.0, Map.of(), T0 + 5 * DAY));
    timeline.observe(new HistoryEvent(T0 + DAY, "d2", "order", true, 5.0, Map.of(), null));
    timeline.observe(
        new HistoryEvent(T0 + 2 * DAY, "d3", "order", true, 5.0, Map.of(), T0 + 20 * DAY));

    Double[] day4 = timeline.observe(order(T0 + 4 * DAY, "q1", 1, "A"));
    Double[] day8 = timeline.observe(order(T0 + 8 * DAY + HOUR, "q2", 1, "A"));
    Double[] day12 = timeline.observe(order(T0 + 12 * DAY, "q3", 1, "A"));
    Double[] day21 = timeline.observe(order(T0 + 21 * DAY, "q4", 1, "A"));
    Double[] day40 = timeline.observe(order(T0 + 40 * DAY, "q5", 1, "A"));

    assertThat(day4).containsExactly((Double) null); // nothing is 7 days old yet
    assertThat(day8).containsExactly(1.0 / 2); // d1, d2 in window; d1 known since day 5
    // d1..d3 and q1 in window; d3's label (day 20) is not known yet.
    assertThat(day12).containsExactly(1.0 / 4);
    // d1..d3, q1, q2, q3 in [day -14, day 14); d1 and now d3 known.
    assertThat(day21).containsExactly(2.0 / 6);
    // [day 5, day 33): q1 (day 4) has left; q2, q3, q4 remain, none labelled.
    assertThat(day40).containsExactly(0.0);
  }

  @Test
  void aHotEntityWithManyEventsStaysLinear() {
    EntityTimeline timeline =
        new EntityTimeline(
            List.of(
                spec(Aggregate.DISTINCT_COUNT, "customer_id", List.of(), Duration.ZERO, "1d"),
                spec(Aggregate.MAX, null, List.of(), Duration.ZERO, "7d")),
            Set.of("order"));
    Double[] last = null;
    for (int i = 0; i < 200_000; i++) {
      last =
          timeline.observe(
              new HistoryEvent(
                  T0 + i * 1_000_000L,
                  String.format("e%07d", i),
                  "order",
                  true,
                  (double) (i % 1000),
                  Map.of("customer_id", "c" + (i % 50_000)),
                  null));
    }

    // The last day holds 86,400 events of 50,000 distinct customers.
    assertThat(last).containsExactly(50_000.0, 999.0);
  }

  @Test
  void timeFeaturesFollowTheClientsClockThroughDaylightSaving() {
    ZoneId newYork = ZoneId.of("America/New_York");

    // 2025-03-09 06:30Z is 01:30 EST (Sunday, night); 07:30Z is 03:30 EDT after the jump.
    assertThat(TimeFeatures.of(Instant.parse("2025-03-09T06:30:00Z"), newYork))
        .isEqualTo(new TimeFeatures(1, 1, 1));
    assertThat(TimeFeatures.of(Instant.parse("2025-03-09T07:30:00Z"), newYork))
        .isEqualTo(new TimeFeatures(3, 1, 1));
    assertThat(TimeFeatures.of(Instant.parse("2025-03-10T14:00:00Z"), newYork))
        .isEqualTo(new TimeFeatures(10, 0, 0));
  }
}
