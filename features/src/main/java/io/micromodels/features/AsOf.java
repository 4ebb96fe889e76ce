package io.micromodels.features;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The one as-of rule of every command: how a {@code --as-of} (or {@code --labels-as-of}) text
 * becomes an instant, and the one format every command prints instants and windows in.
 *
 * <p>A date means the end of that day in UTC, the last microsecond (2025-10-07 is
 * 2025-10-07T23:59:59.999999Z): "as of the 7th" includes everything that happened on the 7th. A
 * date-time is that moment (UTC when it has no zone or offset); epoch seconds are that second.
 * Instants are kept to the microsecond, the precision of event times.
 */
public final class AsOf {
  /** The accepted forms, for {@code --help} texts and error messages. */
  public static final String FORMS =
      "a date (2025-10-07 = its end, 2025-10-07T23:59:59.999999Z),"
          + " a date-time with a zone or offset (2025-10-07T12:00:00Z, 2025-10-07T14:00:00+02:00),"
          + " a date-time without one (UTC: 2025-10-07T12:00:00), or epoch seconds (1759881599)";

  private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final DateTimeFormatter PRINTED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AsOf() {}

  /**
   * Resolves {@code text} by the rule above.
   *
   * @param option the option's name for the error, e.g. {@code --as-of}
   * @throws ConfigException naming the option, the text and the accepted forms
   */
  public static Instant parse(String option, String text) {
    try {
      return parse(text);
    } catch (ConfigException e) {
      throw new ConfigException(option + " " + e.getMessage());
    }
  }

  /**
   * Resolves {@code text} by the rule above.
   *
   * @throws ConfigException naming the text and the accepted forms
   */
  public static Instant parse(String text) {
    String t = text == null ? "" : text.strip();
    try {
      if (EPOCH_SECONDS.matcher(t).matches()) {
        return Instant.ofEpochSecond(Long.parseLong(t));
      }

      if (t.length() == 10) {
        return FeatureRange.endOf(LocalDate.parse(t));
      }

      return micros(parseDateTime(t));
    } catch (DateTimeException | ArithmeticException e) {
      throw new ConfigException("'" + text + "' is not an as-of: expected " + FORMS + ".");
    }
  }

  private static Instant parseDateTime(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The printed form of every instant and window bound: {@code 2025-10-07T23:59:59.999999Z}. */
  public static String format(Instant instant) {
    return PRINTED.format(instant);
  }

  /** A half-open window as printed: {@code [from, until)}. */
  public static String window(Instant from, Instant until) {
    return "[" + format(from) + ", " + format(until) + ")";
  }
}
