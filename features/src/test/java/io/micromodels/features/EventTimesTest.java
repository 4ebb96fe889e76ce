package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-06-01T10:15:30Z", "2025-06-01T10:15:30.1Z", "2025-06-01T10:15:30.123Z",
        "2025-06-01T10:15:30.123456Z", "2025-06-01T10:15:30.123456789Z", "2024-02-29T23:59:59Z",
        "2000-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z"
      })
  void readsTheCommonUtcFormLikeTheIsoFormatterDoes(String text) {
    Instant expected = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);

    assertThat(EventTimes.parseUtc(text)).isEqualTo(expected);
    assertThat(EventTimes.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-02-29T10:00:00Z", "2025-06-31T10:00:00Z", "2025-13-01T10:00:00Z",
        "2025-06-01T24:00:00Z", "2025-06-01T10:60:00Z", "2025-06-01T10:00:60Z",
        "2025-06-01T10:15:30.Z", "2025-06-01T10:15:30.1234567890Z", "2025-06-01T10:15Z",
        "2025-06-01 10:15:30Z", "2025-06-01t10:15:30z", "2025-06-01T10:15:30+02:00",
        "2025-06-01T1a:15:30Z", "+2025-06-01T10:15:30Z", "2025-06-01T10:15:30"
      })
  void leavesEveryOtherFormToTheFormatters(String text) {
    assertThat(EventTimes.parseUtc(text)).isNull();
  }
}
