package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.micromodels.features.EventFields;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code events} and {@code quarantine} Delta tables of a warehouse. Writes are insert-only
 * MERGEs: idempotent, atomic (one Delta commit each) and safe against a concurrent ingest
 * (Delta's optimistic concurrency rejects a conflicting commit instead of duplicating rows).
 */
final class EventTables {
  private final SparkSession spark;
  private final DeltaTable events;
  private final DeltaTable quarantine;

  /** Result of an insert: the table version it committed and the rows it added. */
  record Insert(long version, long rows) {}

  private EventTables(SparkSession spark, DeltaTable events, DeltaTable quarantine) {
    this.spark = spark;
    this.events = events;
    this.quarantine = quarantine;
  }

  /** Opens the tables, creating them empty with their schemas and partitioning if needed. */
  static EventTables create(SparkSession spark, SparkSettings settings) {
    DeltaTable events =
        DeltaTable.createIfNotExists(spark)
            .location(settings.tablePath(IngestJob.EVENTS_TABLE))
            .addColumns(EventSchema.EVENTS)
            .partitionedBy(EventFields.CLIENT_ID, EventFields.EVENT_DATE)
            .execute();
    DeltaTable quarantine =
        DeltaTable.createIfNotExists(spark)
            .location(settings.tablePath(IngestJob.QUARANTINE_TABLE))
            .addColumns(EventSchema.QUARANTINE)
            .execute();
    return new EventTables(spark, events, quarantine);
  }

  long eventsVersion() {
    return version(events);
  }

  long quarantineVersion() {
    return version(quarantine);
  }

  /** Adds the rejected rows not quarantined before (same file, line and text). */
  Insert insertNewQuarantined(Dataset<Row> rows) {
    return merge(
        quarantine,
        () ->
            quarantine
                .as("t")
                .merge(rows.as("s"), "t.quarantine_id = s.quarantine_id")
                .whenNotMatched()
                .insertAll()
                .execute());
  }

  /**
   * Adds the events whose (client_id, event_id) is not stored yet. The target is restricted to
   * the input's clients so Delta prunes the other clients' partitions.
   */
  Insert insertNewEvents(Dataset<Row> rows, List<String> clients) {
    String clientList =
        clients.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return merge(
        events,
        () ->
            events
                .as("t")
                .merge(
                    rows.as("s"),
                    "t.client_id IN (" + clientList + ") AND t.client_id = s.client_id"
                        + " AND t.event_id = s.event_id")
                .whenNotMatched()
                .insertAll()
                .execute());
  }

  /**
   * Runs one MERGE tagged with a fresh id in the commit's user metadata, so its own commit (and
   * its row count) is found in the history even when other writers commit meanwhile. A MERGE
   * that inserts nothing makes no commit: then the version is unchanged and no row was added.
   *
   * <p>Delta materialises a MERGE source it cannot prove deterministic; ingest's source is
   * already persisted, so a second copy would only double the work.
   */
  private Insert merge(DeltaTable table, Runnable merge) {
    String tag = "micromodels-ingest-" + UUID.randomUUID();
    Map<String, String> conf =
        Map.of(
            "spark.databricks.delta.merge.materializeSource", "none",
            "spark.databricks.delta.commitInfo.userMetadata", tag);
    Map<String, String> previous = new HashMap<>();
    conf.forEach((key, value) -> {
      previous.put(key, spark.conf().getOption(key).getOrElse(() -> null));
      spark.conf().set(key, value);
    });
    try {
      merge.run();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          spark.conf().unset(key);
        } else {
          spark.conf().set(key, value);
        }
      });
    }

    List<Row> own =
        table.history(20)
            .filter(col("userMetadata").equalTo(tag))
            .select(col("version"), col("operationMetrics"))
            .collectAsList();
    if (own.isEmpty()) {
      return new Insert(version(table), 0);
    }

    Map<String, String> metrics = own.get(0).getJavaMap(1);
    return new Insert(
        own.get(0).getLong(0),
        Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0")));
  }

  private static long version(DeltaTable table) {
    return table.history(1).select(col("version")).first().getLong(0);
  }

}
