package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.micromodels.features.EventFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code events} and {@code quarantine} Delta tables of a warehouse. Writes are insert-only
 * MERGEs: idempotent, atomic (one Delta commit each) and safe against a concurrent ingest (Delta's
 * optimistic concurrency rejects a conflicting commit instead of duplicating rows).
 */
final class EventTables {
  private static final String REPARTITION_BEFORE_WRITE =
      "spark.databricks.delta.merge.repartitionBeforeWrite.enabled";

  /**
   * Delta's optimized write: shuffles the rows by the partition columns like the MERGE's
   * repartition, then splits a partition above {@code spark.databricks.delta.optimizeWrite.binSize}
   * (512 MiB of shuffled rows by default) over several write tasks.
   */
  private static final String OPTIMIZE_WRITE = "spark.databricks.delta.optimizeWrite.enabled";

  /**
   * Delta's per-file statistics only for the columns readers filter on within a partition (event
   * type, time, customer, label): by default Delta gathers min/max/nulls of the first 32 leaf
   * columns of every file written, a cost paid on each of ingest's client-day files.
   */
  private static final String STATS_COLUMNS_PROPERTY = "delta.dataSkippingStatsColumns";

  private static final String STATS_COLUMNS =
      String.join(
          ",",
          EventFields.EVENT_TYPE,
          EventFields.EVENT_TIME,
          EventFields.CUSTOMER_ID,
          EventFields.LABEL);

  /** Event ids are unique: a Parquet dictionary of them is built per file and never pays. */
  private static final String NO_EVENT_ID_DICTIONARY =
      "parquet.enable.dictionary#" + EventFields.EVENT_ID;

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
            .property(STATS_COLUMNS_PROPERTY, STATS_COLUMNS)
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
   * Adds the events whose (client_id, event_id) is not stored yet among the stored events of {@code
   * stored}: each input client's days widened by the re-send horizon. The range is literal
   * predicates on the partition columns, so Delta reads only those files of the target; an event
   * stored outside it is not seen, and its copy is added again (docs/ingest.md).
   *
   * <p>{@code rows} arrive hash-partitioned by (client, day) ({@link ClientDayShuffle}), so that
   * each day of a client is one file (a day above the split threshold: a few); a write task
   * receives a few hundred days. When stored files in the range take part in the MERGE's join,
   * which reshuffles the rows by event id, the MERGE hashes its output by (client, day) again, or,
   * when {@code splitDays} (a client-day above the threshold), Delta's optimized write does, which
   * splits a partition above its bin size over several tasks. A write task sorts its rows by day
   * and writes one file at a time (Spark's default): keeping a file open per day instead (Spark's
   * concurrent writers, up to 1024) made Parquet's memory manager, which revisits every open writer
   * whenever one opens or closes, a third of the write's samples at 2,250 days per task
   * (docs/benchmarks.md).
   */
  Insert insertNewEvents(Dataset<Row> rows, StoredRange stored, boolean splitDays) {
    // Spark's adaptive execution does not drop the MERGE's repartition although the rows are
    // partitioned so already: skip it when no stored file in the range can join the rows (a
    // join would reshuffle them by event id).
    boolean joinsStoredFiles = !events.toDF().where(stored.predicate("")).isEmpty();
    boolean optimizedWrite = joinsStoredFiles && splitDays;
    Column sameEvent =
        col("t." + EventFields.CLIENT_ID)
            .equalTo(col("s." + EventFields.CLIENT_ID))
            .and(col("t." + EventFields.EVENT_ID).equalTo(col("s." + EventFields.EVENT_ID)));
    Map<String, String> tuning =
        new HashMap<>(
            Map.of(
                NO_EVENT_ID_DICTIONARY,
                "false",
                REPARTITION_BEFORE_WRITE,
                String.valueOf(joinsStoredFiles && !optimizedWrite)));
    if (optimizedWrite) {
      tuning.put(OPTIMIZE_WRITE, "true");
    }

    return merge(
        events,
        tuning,
        () ->
            events
                .as("t")
                .merge(rows.as("s"), stored.predicate("t.").and(sameEvent))
                .whenNotMatched()
                .insertAll()
                .execute());
  }

  /**
   * Runs one MERGE tagged with a fresh id in the commit's user metadata, so its own commit (and its
   * row count) is found in the history even when other writers commit meanwhile. A MERGE that
   * inserts nothing makes no commit: then the version is unchanged and no row was added.
   *
   * <p>Delta materialises a MERGE source it cannot prove deterministic; ingest's source is a
   * shuffle's output, read again without parsing, so a copy would only double the work.
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
        table
            .history(20)
            .filter(col("userMetadata").equalTo(tag))
            .select(col("version"), col("operationMetrics"))
            .collectAsList();
    if (own.isEmpty()) {
      return new Insert(version(table), 0);
    }

    Map<String, String> metrics = own.get(0).getJavaMap(1);
    return new Insert(
        own.get(0).getLong(0), Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0")));
  }

  private static long version(DeltaTable table) {
    return table.history(1).select(col("version")).first().getLong(0);
  }
}
