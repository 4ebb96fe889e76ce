package io.micromodels.features;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Parses event timestamps. Accepted: ISO-8601 with {@code Z} or an offset ({@code
 * 2025-06-01T12:00:00.123+02:00}), ISO-8601 or {@code yyyy-MM-dd HH:mm:ss[.fff]} without a zone
 * (read as UTC, DESIGN.md §3.1 says event times are UTC), and integral epoch milliseconds. Results
 * are truncated to microseconds, Spark's timestamp precision, so every path stores the same value.
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

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private EventTimes() {}

  static Instant parse(String text) {
    Instant utc = parseUtc(text);
    if (utc != null) {
      return utc;
    }

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

  /**
   * The form event logs almost always use, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read without
   * {@link DateTimeFormatter} (which costs more than the rest of a row's validation). Returns null
   * for anything else, including out-of-range fields, so the formatters decide those: the result is
   * the one {@link OffsetDateTime#parse} gives.
   */
  static Instant parseUtc(String text) {
    int n = text.length();
    if (n < 20
        || n > 30
        || text.charAt(n - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }

    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (n > 20) {
      if (text.charAt(19) != '.' || n == 21) {
        return null;
      }

      int fraction = digits(text, 20, n - 1);
      if (fraction < 0) {
        return null;
      }

      nanos = fraction * POWERS_OF_TEN[9 - (n - 21)];
    } else if (text.charAt(19) != 'Z') {
      return null;
    }

    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }

    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nanos - nanos % 1_000);
  }

  /** The decimal value of {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }

      value = value * 10 + d;
    }

    return value;
  }

  static Instant ofEpochMillis(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  private static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
