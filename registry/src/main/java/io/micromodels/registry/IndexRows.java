package io.micromodels.registry;

import java.time.Instant;
import java.util.function.Function;

/**
 * An index row's columns as a {@link RegistryEvent}, whatever read the row: one mapping for the
 * Spark and the Delta Kernel readers.
 */
public final class IndexRows {
  private IndexRows() {}

  /**
   * The event of a row.
   *
   * @param column the value of a column by name: strings, boxed numbers, {@link Instant} for
   *     timestamps, null for null
   */
  public static RegistryEvent event(Function<String, Object> column) {
    return new RegistryEvent(
        (Long) column.apply("seq"),
        (String) column.apply("event_id"),
        (Instant) column.apply("time"),
        EventKind.of((String) column.apply("kind")),
        new ModelRef((String) column.apply("client"), (String) column.apply("model")),
        (Integer) column.apply("version"),
        Status.of((String) column.apply("status")),
        (Integer) column.apply("previous_version"),
        (Instant) column.apply("created"),
        (String) column.apply("location"),
        (String) column.apply("manifest_sha256"),
        (String) column.apply("actor"),
        (String) column.apply("reason"),
        (String) column.apply("candidate_sha256"));
  }
}
