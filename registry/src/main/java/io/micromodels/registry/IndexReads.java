package io.micromodels.registry;

import java.time.Instant;
import java.util.List;

/**
 * How the registry index, an append-only Delta table, is read: with Spark (the writers, which hold
 * a session anyway) or with Delta Kernel (the read-only CLI commands, which then start no Spark).
 * Both give the same snapshots; a test compares them on one table.
 */
public interface IndexReads {
  /** The index at one Delta version ({@code -1}: the table does not exist yet). */
  record Snapshot(long tableVersion, RegistryState state) {}

  /** One version of the index: its commit time and Delta operation. */
  record IndexVersion(long version, Instant time, String operation) {}

  /** The latest state. */
  Snapshot read();

  /** The state as of a past Delta version (time travel). */
  Snapshot readAt(long tableVersion);

  /** Every Delta version of the index, oldest first. */
  List<IndexVersion> history();
}
