package io.micromodels.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * Which release a manifest describes and where its files live.
 *
 * @param version the version number; null for a blocked candidate (it gets none)
 * @param created when publish recorded it
 * @param location the URI of its artifact folder
 */
public record ReleaseIdentity(ModelRef ref, Integer version, Instant created, String location) {
  public ReleaseIdentity {
    Objects.requireNonNull(ref, "ref");
    created = created.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the index keeps it
    Objects.requireNonNull(location, "location");
    if (version != null && version < 1) {
      throw new IllegalArgumentException("versions start at 1, got " + version);
    }
  }
}
