package io.micromodels.features;

import java.io.Serializable;
import java.util.Objects;

/** One event-log file to ingest: its fully qualified path and format. */
public record InputFile(String path, InputFormat format) implements Serializable {
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
  }
}
