package io.micromodels.features;

import java.io.Serializable;
import java.util.Objects;

/**
 * A path below an input folder that ingest did not read, and why (a second path to a file or folder
 * already read, through a symbolic link; a broken link). Listed in the ingest summary.
 */
public record SkippedInput(String path, String reason) implements Serializable {
  public SkippedInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
