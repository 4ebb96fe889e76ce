package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The dates and the label moment of a feature build (a picocli mixin: one spelling for all). */
final class FeatureRangeOptions {
  @Option(names = "--from", description = "First date (UTC), inclusive.")
  LocalDate from;

  @Option(names = "--to", description = "Last date (UTC), inclusive.")
  LocalDate to;

  @Option(
      names = "--as-of",
      converter = AsOfConverter.class,
      description = "Labels known at this moment: " + AsOf.FORMS + ".")
  Instant asOf;

  /** The range; bad usage when an option is missing. */
  FeatureRange range(String command, String alternative) {
    if (from == null || to == null || asOf == null) {
      throw new ConfigException(
          "micromodels " + command + " needs --from, --to and --as-of" + alternative + ".");
    }

    return new FeatureRange(from, to, asOf);
  }
}
