package io.micromodels.features;

import java.util.Locale;
import java.util.Optional;

/** Accepted event-log file formats, recognised by file name (a trailing {@code .gz} is allowed). */
public enum InputFormat {
  /** One JSON object per line; values carry JSON types. */
  JSON_LINES,
  /** Header row plus one record per line; every value is text, nested fields hold JSON text. */
  CSV,
  /** Parquet with the event columns; values carry Parquet types. */
  PARQUET;

  /** The format of a file name, or empty when it is not an event-log file. */
  public static Optional<InputFormat> ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }

    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSON_LINES);
    }

    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }

    if (name.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }

    return Optional.empty();
  }

  /** Whether values arrive as text and must be converted (CSV) rather than typed. */
  public boolean isTextual() {
    return this == CSV;
  }
}
