package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StoredRangeTest {
  private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

  @Test
  void clientsWithTheSameDaysShareOneTermAndABackfillWidensOnlyItsClient() {
    StoredRange range =
        StoredRange.of(
            Map.of(
                "acme", new DateRange(JUNE_1, JUNE_1.plusDays(1)),
                "globex", new DateRange(JUNE_1, JUNE_1.plusDays(1)),
                "initech", DateRange.of(LocalDate.of(2024, 1, 1))),
            7);

    assertThat(range.terms())
        .containsExactly(
            new StoredRange.Term(
                Set.of("initech"),
                new DateRange(LocalDate.of(2023, 12, 25), LocalDate.of(2024, 1, 8))),
            new StoredRange.Term(
                Set.of("acme", "globex"), new DateRange(JUNE_1.minusDays(7), JUNE_1.plusDays(8))));
  }

  @Test
  void manyDifferentRangesAreMergedIntoAtMostTheCapAndEveryClientKeepsItsDays() {
    Map<String, DateRange> days = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      days.put("c" + i, DateRange.of(JUNE_1.plusDays(3L * i)));
    }

    StoredRange range = StoredRange.of(days, 0);

    assertThat(range.terms()).hasSize(StoredRange.MAX_TERMS);
    days.forEach(
        (client, own) ->
            assertThat(range.terms())
                .anySatisfy(
                    term -> {
                      assertThat(term.clients()).contains(client);
                      assertThat(term.days().hull(own)).isEqualTo(term.days());
                    }));
  }
}
