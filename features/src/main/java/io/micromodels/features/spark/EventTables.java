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
  private static final String MAX_OPEN_FILES_PER_TASK = "spark.sql.maxConcurrentOutputFileWriters";
  private static final int OPEN_FILES_PER_TASK = 1024;

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
        Map.of(),
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
   *
   * <p>The MERGE hashes its rows by partition (client, day) so that each day of a client is one
   * file; a write task then receives a few hundred days. It keeps a file open per day instead of
   * first sorting its rows by day (Spark's concurrent writers), and falls back to sorting the
   * rest of its rows when a task holds more days than that.
   */
  Insert insertNewEvents(Dataset<Row> rows, List<String> clients) {
    String clientList =
        clients.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return merge(
        events,
        Map.of(MAX_OPEN_FILES_PER_TASK, String.valueOf(OPEN_FILES_PER_TASK)),
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
  private Insert merge(DeltaTable table, Map<String, String> tuning, Runnable merge) {
    String tag = "micromodels-ingest-" + UUID.randomUUID();
    Map<String, String> conf = new HashMap<>(tuning);
    conf.put("spark.databricks.delta.merge.materializeSource", "none");
    conf.put("spark.databricks.delta.commitInfo.userMetadata", tag);
    try (ScopedConf scoped = ScopedConf.set(spark, conf)) {
      merge.run();
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
