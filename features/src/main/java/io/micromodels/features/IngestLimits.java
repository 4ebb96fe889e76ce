package io.micromodels.features;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds a row must respect to be accepted.
 *
 * @param maxRowBytes longest raw row in UTF-8 bytes; longer rows are quarantined unparsed (of a
 *     text file's over-long line only the first bytes are read into memory)
 * @param maxFileBytes most bytes one JSON Lines or CSV file may hold once decompressed; beyond it
 *     the ingest fails, naming the file (a compression bomb, or a file to split)
 * @param maxItems most order lines per event
 * @param maxFieldChars longest single string value
 * @param earliest events before this instant are implausible (clock defaults, epoch zero)
 * @param latest events after this instant are implausible (clock skew, year 9999)
 */
public record IngestLimits(
    int maxRowBytes,
    long maxFileBytes,
    int maxItems,
    int maxFieldChars,
    Instant earliest,
    Instant latest)
    implements Serializable {
  public static final int DEFAULT_MAX_ROW_BYTES = 64 * 1024;

  /**
   * 64 GiB: more than one task should ever read from one file, yet a compression bomb (gzip reaches
   * about 1000:1, so a 1 GB file can hold a terabyte) is cut off after minutes of decompression
   * instead of hours.
   */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 30;

  public static final int DEFAULT_MAX_ITEMS = 500;
  public static final int DEFAULT_MAX_FIELD_CHARS = 4096;
  public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofDays(1);

  public IngestLimits {
    if (maxRowBytes <= 0 || maxFileBytes <= 0 || maxItems < 0 || maxFieldChars <= 0) {
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
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_ITEMS,
        DEFAULT_MAX_FIELD_CHARS,
        DEFAULT_EARLIEST,
        now.plus(DEFAULT_FUTURE_SKEW));
  }

  public IngestLimits withMaxRowBytes(int bytes) {
    return new IngestLimits(bytes, maxFileBytes, maxItems, maxFieldChars, earliest, latest);
  }

  public IngestLimits withMaxFileBytes(long bytes) {
    return new IngestLimits(maxRowBytes, bytes, maxItems, maxFieldChars, earliest, latest);
  }
}
