package io.micromodels.features.spark;

import static io.micromodels.features.spark.FeatureFixture.labelEvent;
import static io.micromodels.features.spark.FeatureFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The per-feature and per-client options of docs/configuration.md, on a real local SparkSession
 * with real rows, asserted at their edges: the last moment outside, the first moment inside.
 */
class FeatureOptionsJobTest {
  private static final String POLICY = "policy: {global_threshold: {prevent_at: 80}}\n";
  private static final FeatureRange JUNE_1_TO_20 =
      new FeatureRange(
          LocalDate.of(2025, 6, 1),
          LocalDate.of(2025, 6, 20),
          FeatureRange.endOf(LocalDate.of(2025, 6, 20)));

  private final FeatureFixture fixture = new FeatureFixture("options");

  @Test
  void chargebacksAndFraudReportsAreFraudUnlessLabelledZeroAndReviewsTakeTheirLabel() {
    ClientConfig usual = fixture.config("usual", "client_id: usual\n" + POLICY);
    ClientConfig strict =
        fixture.config(
            "strict",
            "client_id: strict\n" + POLICY + "label: {fraud_without_label: [fraud_report]}\n");
    List<String> events = new java.util.ArrayList<>();
    String[][] labels = {
      {"chargeback", "1"},
      {"chargeback", null},
      {"chargeback", "0"},
      {"fraud_report", null},
      {"review_decision", null},
      {"review_decision", "1"},
      {"review_decision", "0"}
    };
    for (String client : List.of("usual", "strict")) {
      events.add(order(client, client + "-unlabelled", "2025-06-02T10:00:00Z", 10));
      for (int i = 0; i < labels.length; i++) {
        String orderId = client + "-" + i;
        events.add(order(client, orderId, "2025-06-02T10:00:00Z", 10));
        events.add(
            labelEvent(
                client,
                orderId + "-label",
                labels[i][0],
                "2025-06-03T10:00:00Z",
                orderId,
                labels[i][1] == null ? null : Integer.valueOf(labels[i][1])));
      }
    }

    // unusable labels: a chargeback naming no event, one without a reference, one whose order
    // came before the range, and one arriving after the as-of (not counted: not known yet)
    events.add(
        labelEvent(
            "usual", "ghost-label", "chargeback", "2025-06-03T10:00:00Z", "usual-ghost", null));
    events.add(labelEvent("usual", "unreferenced", "chargeback", "2025-06-03T10:00:00Z", null, 1));
    events.add(order("usual", "usual-may", "2025-05-20T10:00:00Z", 10));
    events.add(
        labelEvent("usual", "may-label", "chargeback", "2025-06-04T10:00:00Z", "usual-may", 1));
    events.add(
        labelEvent(
            "usual", "late-label", "chargeback", "2025-07-04T10:00:00Z", "usual-unlabelled", 1));

    Map<String, Row> rows = fixture.build("labels", List.of(usual, strict), events, JUNE_1_TO_20);

    // chargeback 1, chargeback -, chargeback 0, fraud_report -, review -, review 1, review 0
    assertThat(labels(rows, "usual", labels.length)).containsExactly(1, 1, 0, 1, 0, 1, 0);
    assertThat(labels(rows, "strict", labels.length)).containsExactly(1, 0, 0, 1, 0, 1, 0);
    assertThat((int) rows.get("usual-unlabelled").getAs("label")).isZero();

    Map<String, LabelAccounting.LabelUsage> usage = new java.util.HashMap<>();
    fixture
        .labelUsage("labels", List.of(usual, strict), JUNE_1_TO_20)
        .forEach(u -> usage.put(u.clientId(), u));
    assertThat(usage.get("usual").counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                LabelAccounting.Use.USED,
                4L,
                LabelAccounting.Use.GENUINE,
                2L,
                LabelAccounting.Use.NO_VERDICT,
                1L,
                LabelAccounting.Use.NO_DECISION_EVENT,
                1L,
                LabelAccounting.Use.NO_REFERENCE,
                1L,
                LabelAccounting.Use.EARLIER_DECISION,
                1L));
    assertThat(usage.get("strict").counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                LabelAccounting.Use.USED,
                3L,
                LabelAccounting.Use.GENUINE,
                2L,
                LabelAccounting.Use.NO_VERDICT,
                2L));
    assertThat(usage.get("usual").describe())
        .startsWith("usual: 4 used")
        .contains(
            "; LOST 1 no decision event with its ref_event_id within 365 days before the"
                + " range");
  }

  private static List<Integer> labels(Map<String, Row> rows, String client, int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> (Integer) rows.get(client + "-" + i).getAs("label"))
        .toList();
  }

  @Test
  void nightHoursAreTheClientsWithFromInclusiveToExclusiveAcrossMidnight() {
    ClientConfig usual = fixture.config("usual", "client_id: usual\n" + POLICY);
    ClientConfig late =
        fixture.config("late", "client_id: late\nnight_hours: {from: 23, to: 4}\n" + POLICY);
    ClientConfig early =
        fixture.config("early", "client_id: early\nnight_hours: {from: 1, to: 5}\n" + POLICY);
    List<String> hours =
        List.of(
            "21:59:59.999999",
            "22:00:00",
            "00:00:00",
            "03:59:59.999999",
            "04:00:00",
            "00:59:59.999999",
            "01:00:00",
            "04:59:59.999999",
            "05:00:00",
            "05:59:59.999999",
            "06:00:00",
            "22:59:59.999999",
            "23:00:00");
    List<String> events = new java.util.ArrayList<>();
    for (String client : List.of("usual", "late", "early")) {
      for (int i = 0; i < hours.size(); i++) {
        events.add(order(client, client + "-" + i, "2025-06-02T" + hours.get(i) + "Z", 10));
      }
    }

    Map<String, Row> rows =
        fixture.build("night", List.of(usual, late, early), events, JUNE_1_TO_20);

    // hours:                           21:59 22 0 3:59 4 0:59 1 4:59 5 5:59 6 22:59 23
    assertThat(night(rows, "usual")).containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1);
    assertThat(night(rows, "late")).containsExactly(0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1);
    assertThat(night(rows, "early")).containsExactly(0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0);
  }

  @Test
  void aDelayedWindowHoldsItsStartAndNotItsEndForEveryAggregate() {
    ClientConfig acme =
        fixture.config(
            "acme",
            "client_id: acme\n"
                + POLICY
                + """
        features:
          - {entity: device_id, aggregate: count, windows: [7d]}
          - {entity: device_id, aggregate: count, delay: 7d, windows: [7d]}
          - {entity: device_id, aggregate: sum, delay: 7d, windows: [7d]}
          - {entity: device_id, aggregate: avg, delay: 7d, windows: [7d]}
          - {entity: device_id, aggregate: max, delay: 7d, windows: [7d]}
          - {entity: device_id, aggregate: amount_ratio, delay: 7d, windows: [7d]}
          - {entity: device_id, aggregate: distinct_count, of: customer_id, delay: 1d,
             windows: [1d]}
        """);
    // The decision event "t" is at June 15 12:00: t - 7d = June 8 12:00, t - 14d = June 1 12:00,
    // t - 1d = June 14 12:00, t - 2d = June 13 12:00.
    List<String> events =
        List.of(
            order("acme", "before-start", "2025-06-01T11:59:59.999999Z", 1, "c1"),
            order("acme", "at-start", "2025-06-01T12:00:00Z", 2, "c1"),
            order("acme", "before-end", "2025-06-08T11:59:59.999999Z", 4, "c1"),
            order("acme", "at-end", "2025-06-08T12:00:00Z", 8, "c1"),
            order("acme", "d-before-start", "2025-06-13T11:59:59.999999Z", 100, "c2"),
            order("acme", "d-at-start", "2025-06-13T12:00:00Z", 100, "c3"),
            order("acme", "d-before-end", "2025-06-14T11:59:59.999999Z", 100, "c3"),
            order("acme", "d-at-end", "2025-06-14T12:00:00Z", 100, "c4"),
            order("acme", "t", "2025-06-15T12:00:00Z", 9, "c1"));

    Row t = fixture.build("delay", List.of(acme), events, JUNE_1_TO_20).get("t");

    assertThat(
            values(
                t,
                "device.count_7d",
                "device.count_7d_delay7d",
                "device.amount_sum_7d_delay7d",
                "device.amount_avg_7d_delay7d",
                "device.amount_max_7d_delay7d",
                "device.amount_ratio_7d_delay7d",
                "device.distinct_customers_1d_delay1d"))
        // [June 8 12:00, t): at-end and the four d-*; [June 1 12:00, June 8 12:00): at-start and
        // before-end (2 + 4); [June 13 12:00, June 14 12:00): c3 twice.
        .containsExactly(5.0, 2.0, 6.0, 3.0, 4.0, 3.0, 1.0);
  }

  @Test
  void aWindowIncludingTheCurrentEventHoldsItsStartTheEventAndEarlierTiesOnly() {
    ClientConfig acme =
        fixture.config(
            "acme",
            "client_id: acme\n"
                + POLICY
                + """
        features:
          - {entity: device_id, aggregate: count, windows: [1h]}
          - {entity: device_id, aggregate: sum, windows: [1h]}
          - {entity: device_id, aggregate: distinct_count, of: customer_id, windows: [1h]}
          - {entity: device_id, aggregate: count, include_current: true, windows: [1h]}
          - {entity: device_id, aggregate: sum, include_current: true, windows: [1h]}
          - {entity: device_id, aggregate: avg, include_current: true, windows: [1h]}
          - {entity: device_id, aggregate: max, include_current: true, windows: [1h]}
          - {entity: device_id, aggregate: amount_ratio, include_current: true, windows: [1h]}
          - {entity: device_id, aggregate: distinct_count, of: customer_id,
             include_current: true, windows: [1h]}
        """);
    // "t" is at 12:00; t - 1h = 11:00. At 12:00 too: "a-tie" sorts before "t", "z-tie" after.
    List<String> events =
        List.of(
            order("acme", "before-start", "2025-06-02T10:59:59.999999Z", 1, "c4"),
            order("acme", "at-start", "2025-06-02T11:00:00Z", 2, "c2"),
            order("acme", "a-tie", "2025-06-02T12:00:00Z", 4, "c3"),
            order("acme", "t", "2025-06-02T12:00:00Z", 9, "c1"),
            order("acme", "z-tie", "2025-06-02T12:00:00Z", 100, "c5"));

    Map<String, Row> rows = fixture.build("include", List.of(acme), events, JUNE_1_TO_20);

    assertThat(
            values(
                rows.get("t"),
                "device.count_1h",
                "device.amount_sum_1h",
                "device.distinct_customers_1h",
                "device.count_1h_incl",
                "device.amount_sum_1h_incl",
                "device.amount_avg_1h_incl",
                "device.amount_max_1h_incl",
                "device.amount_ratio_1h_incl",
                "device.distinct_customers_1h_incl"))
        // strictly before: at-start, a-tie; including t: 2 + 4 + 9, mean 5, ratio 9 / 5.
        .containsExactly(2.0, 6.0, 2.0, 3.0, 15.0, 5.0, 9.0, 1.8, 3.0);
    // The first event of the terminal: an empty past, and itself.
    assertThat(
            values(
                rows.get("before-start"),
                "device.count_1h",
                "device.count_1h_incl",
                "device.amount_avg_1h_incl",
                "device.amount_ratio_1h_incl"))
        .containsExactly(0.0, 1.0, 1.0, 1.0);
  }

  @Test
  void anEmptyWindowGivesTheFeaturesEmptyValueAndAWindowHoldingOnlyItsStartDoesNot() {
    ClientConfig acme =
        fixture.config(
            "acme",
            "client_id: acme\n"
                + POLICY
                + """
        features:
          - {entity: device_id, aggregate: count, windows: [1h]}
          - {entity: device_id, aggregate: avg, windows: [1h]}
          - {entity: device_id, aggregate: count, empty_value: null, windows: [1h]}
          - {entity: device_id, aggregate: sum, empty_value: null, windows: [1h]}
          - {entity: device_id, aggregate: distinct_count, of: customer_id, empty_value: null,
             windows: [1h]}
          - {entity: device_id, aggregate: avg, empty_value: 0, windows: [1h]}
          - {entity: device_id, aggregate: max, empty_value: 0, windows: [1h]}
          - {entity: device_id, aggregate: amount_ratio, empty_value: 0, windows: [1h]}
          - {entity: device_id, aggregate: count, delay: 1d, empty_value: null, windows: [1d]}
          - {entity: attributes.store, aggregate: label_rate, delay: 1d, empty_value: 0,
             windows: [1d]}
        """);
    // "at-edge" is exactly 1h after "first"; "past-edge" 1h and 1µs after "at-edge".
    List<String> events =
        List.of(
            order("acme", "first", "2025-06-02T12:00:00Z", 4),
            order("acme", "at-edge", "2025-06-02T13:00:00Z", 2),
            order("acme", "past-edge", "2025-06-02T14:00:00.000001Z", 8));
    String[] columns = {
      "device.count_1h",
      "device.amount_avg_1h",
      "device.count_1h_ornull",
      "device.amount_sum_1h_ornull",
      "device.distinct_customers_1h_ornull",
      "device.amount_avg_1h_or0",
      "device.amount_max_1h_or0",
      "device.amount_ratio_1h_or0",
      "device.count_1d_delay1d_ornull",
      "attributes.store.fraud_rate_1d_delay1d_or0"
    };

    Map<String, Row> rows = fixture.build("empty", List.of(acme), events, JUNE_1_TO_20);

    List<Double> empty =
        java.util.Arrays.asList(0.0, null, null, null, null, 0.0, 0.0, 0.0, null, 0.0);
    assertThat(values(rows.get("first"), columns)).isEqualTo(empty);
    assertThat(values(rows.get("past-edge"), columns)).isEqualTo(empty);
    // "first" is exactly at t - 1h: in the window. The delayed windows are still empty.
    assertThat(values(rows.get("at-edge"), columns))
        .isEqualTo(java.util.Arrays.asList(1.0, 4.0, 1.0, 4.0, 1.0, 4.0, 4.0, 0.5, null, 0.0));
  }

  private static List<Double> values(Row row, String... names) {
    return java.util.Arrays.stream(names).map(name -> row.<Double>getAs(name)).toList();
  }

  private static List<Integer> night(Map<String, Row> rows, String client) {
    return java.util.stream.IntStream.range(0, 13)
        .mapToObj(i -> rows.get(client + "-" + i).<Integer>getAs("time.night"))
        .toList();
  }
}
