package io.micromodels.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of the registry index, an append-only Delta table: one event, and the state of the
 * version it concerns after it. The current registry is the replay of these rows in {@code seq}
 * order ({@link RegistryState}).
 *
 * @param seq position in the log: 1, 2, 3, ... without gaps, in commit order (the feed cursor)
 * @param eventId a random id, unique across registries (what an ingester de-duplicates on)
 * @param time when the event was committed (approximately: the writer's clock)
 * @param version the version concerned; null for a blocked candidate
 * @param status the status of {@code version} after the event
 * @param previous for promote/rollback: the production version before; null otherwise
 * @param created when the version (or blocked candidate) was first recorded
 * @param location the artifact folder (URI) of the version or candidate
 * @param manifestSha256 SHA-256 (hex) of its {@code manifest.json}
 * @param actor who did it (user name or pipeline)
 * @param reason why, in a sentence (the gate's verdict, the person's reason)
 * @param candidateSha256 for publish and blocked events: the digest of the candidate's model.json
 *     and metrics.json, which makes a retried publish find its earlier result; null for promote and
 *     rollback
 */
public record RegistryEvent(
    long seq,
    String eventId,
    Instant time,
    EventKind kind,
    ModelRef ref,
    Integer version,
    Status status,
    Integer previous,
    Instant created,
    String location,
    String manifestSha256,
    String actor,
    String reason,
    String candidateSha256) {
  public RegistryEvent {
    if (seq < 1) {
      throw new IllegalArgumentException("event seq must be >= 1, got " + seq);
    }

    Objects.requireNonNull(eventId, "eventId");
    time = time.truncatedTo(ChronoUnit.MICROS); // what a Delta timestamp keeps
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(status, "status");
    created = created.truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    if ((version == null) != (kind == EventKind.BLOCKED)) {
      throw new IllegalArgumentException(
          "a "
              + kind.label()
              + " event "
              + (version == null ? "needs a version" : "has no version"));
    }
  }
}
