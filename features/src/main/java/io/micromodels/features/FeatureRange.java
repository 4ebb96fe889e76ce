package io.micromodels.features;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The feature rows to build: decision events dated {@code from..to} (UTC dates, inclusive) with
 * labels known at {@code asOf}.
 */
public record FeatureRange(LocalDate from, LocalDate to, Instant asOf) {
  public FeatureRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asOf, "asOf");
    if (to.isBefore(from)) {
      throw new ConfigException("--to " + to + " is before --from " + from + ".");
    }

    if (start(to.plusDays(1)).isAfter(asOf.plusNanos(1000))) {
      throw new ConfigException(
          "--to "
              + to
              + " ends after --as-of "
              + asOf
              + ": features cannot describe events whose day is not over when the dataset is built.");
    }
  }

  /** The end of a day as an as-of instant (the last microsecond of {@code date}, UTC). */
  public static Instant endOf(LocalDate date) {
    return start(date.plusDays(1)).minusNanos(1000);
  }

  public Instant fromInstant() {
    return start(from);
  }

  /** The first instant after the range. */
  public Instant untilInstant() {
    return start(to.plusDays(1));
  }

  private static Instant start(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
