package io.micromodels.features;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds a row must respect to be accepted.
 *
 * @param maxRowBytes longest raw row in UTF-8 bytes; longer rows are quarantined unparsed
 * @param maxItems most order lines per event
 * @param maxFieldChars longest single string value
 * @param earliest events before this instant are implausible (clock defaults, epoch zero)
 * @param latest events after this instant are implausible (clock skew, year 9999)
 */
public record IngestLimits(
    int maxRowBytes, int maxItems, int maxFieldChars, Instant earliest, Instant latest)
    implements Serializable {
  public static final int DEFAULT_MAX_ROW_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_ITEMS = 500;
  public static final int DEFAULT_MAX_FIELD_CHARS = 4096;
  public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofDays(1);

  public IngestLimits {
    if (maxRowBytes <= 0 || maxItems < 0 || maxFieldChars <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }

    if (!earliest.isBefore(latest)) {
      throw new IllegalArgumentException("earliest must be before latest");
    }
  }

  /** Default limits; events more than a day after {@code now} are implausible. */
  public static IngestLimits defaults(Instant now) {
    return new IngestLimits(
        DEFAULT_MAX_ROW_BYTES,
        DEFAULT_MAX_ITEMS,
        DEFAULT_MAX_FIELD_CHARS,
        DEFAULT_EARLIEST,
        now.plus(DEFAULT_FUTURE_SKEW));
  }
}
