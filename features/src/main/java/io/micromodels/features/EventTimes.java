package io.micromodels.features;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Parses event timestamps. Accepted: ISO-8601 with {@code Z} or an offset
 * ({@code 2025-06-01T12:00:00.123+02:00}), ISO-8601 or {@code yyyy-MM-dd HH:mm:ss[.fff]} without
 * a zone (read as UTC, DESIGN.md §3.1 says event times are UTC), and integral epoch milliseconds.
 * Results are truncated to microseconds, Spark's timestamp precision, so every path stores the
 * same value.
 */
final class EventTimes {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();

  private EventTimes() {}

  static Instant parse(String text) {
    try {
      return truncate(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return truncate(LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  static Instant ofEpochMillis(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  private static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
