package io.micromodels.registry;

import java.time.Instant;

/**
 * A released version as the registry sees it now (or at a past index version).
 *
 * @param status its current status
 * @param actor who made the last change to it
 * @param reason why the last change was made
 * @param lastSeq the event that last changed it
 */
public record VersionEntry(
    ModelRef ref,
    int version,
    Status status,
    Instant created,
    String location,
    String manifestSha256,
    String actor,
    String reason,
    long lastSeq) {
  VersionEntry withChange(Status newStatus, RegistryEvent event) {
    return new VersionEntry(
        ref,
        version,
        newStatus,
        created,
        location,
        manifestSha256,
        event.actor(),
        event.reason(),
        event.seq());
  }
}
