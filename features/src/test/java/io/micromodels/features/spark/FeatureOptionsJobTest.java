package io.micromodels.features.spark;

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
 * The per-feature and per-client options of docs/configuration.md, on a real local
 * SparkSession with real rows, asserted at their edges: the last moment outside, the first
 * moment inside.
 */
class FeatureOptionsJobTest {
  private static final String POLICY = "policy: {global_threshold: {prevent_at: 80}}\n";
  private static final FeatureRange JUNE_1_TO_20 = new FeatureRange(LocalDate.of(2025, 6, 1),
      LocalDate.of(2025, 6, 20), FeatureRange.endOf(LocalDate.of(2025, 6, 20)));

  private final FeatureFixture fixture = new FeatureFixture("options");

  @Test
  void nightHoursAreTheClientsWithFromInclusiveToExclusiveAcrossMidnight() {
    ClientConfig usual = fixture.config("usual", "client_id: usual\n" + POLICY);
    ClientConfig late = fixture.config("late",
        "client_id: late\nnight_hours: {from: 23, to: 4}\n" + POLICY);
    ClientConfig early = fixture.config("early",
        "client_id: early\nnight_hours: {from: 1, to: 5}\n" + POLICY);
    List<String> hours = List.of("21:59:59.999999", "22:00:00", "00:00:00", "03:59:59.999999",
        "04:00:00", "00:59:59.999999", "01:00:00", "04:59:59.999999", "05:00:00",
        "05:59:59.999999", "06:00:00", "22:59:59.999999", "23:00:00");
    List<String> events = new java.util.ArrayList<>();
    for (String client : List.of("usual", "late", "early")) {
      for (int i = 0; i < hours.size(); i++) {
        events.add(order(client, client + "-" + i, "2025-06-02T" + hours.get(i) + "Z", 10));
      }
    }

    Map<String, Row> rows = fixture.build("night", List.of(usual, late, early), events,
        JUNE_1_TO_20);

    // hours:                           21:59 22 0 3:59 4 0:59 1 4:59 5 5:59 6 22:59 23
    assertThat(night(rows, "usual")).containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1);
    assertThat(night(rows, "late")).containsExactly(0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1);
    assertThat(night(rows, "early")).containsExactly(0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0);
  }

  private static List<Integer> night(Map<String, Row> rows, String client) {
    return java.util.stream.IntStream.range(0, 13)
        .mapToObj(i -> rows.get(client + "-" + i).<Integer>getAs("time.night")).toList();
  }
}
