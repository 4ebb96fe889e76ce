package io.micromodels.registry;

import java.util.Objects;

/**
 * One file of a model version's artifact folder, as its manifest and SHA256SUMS list it.
 *
 * @param name the file name inside the folder
 * @param sha256 its SHA-256, lower-case hex
 * @param bytes its size
 */
public record ArtifactFile(String name, String sha256, long bytes) {
  public ArtifactFile {
    Objects.requireNonNull(name, "name");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
  }

  public static ArtifactFile of(String name, byte[] content) {
    return new ArtifactFile(name, Checksums.sha256(content), content.length);
  }
}
