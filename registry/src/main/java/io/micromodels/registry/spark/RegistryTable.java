package io.micromodels.registry.spark;

import io.delta.tables.DeltaTable;
import io.micromodels.registry.IndexReads;
import io.micromodels.registry.IndexRows;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.RegistryState;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The registry index: an append-only Delta table, one row per event (docs/registry.md). A commit is
 * an insert-only MERGE keyed on {@code seq} (and on the version number of a publish) in a table
 * with {@code Serializable} isolation: of two writers that read the same state, one commits and the
 * other gets a Delta concurrency exception, or finds its key taken, and retries on the new state.
 * So seqs stay gap-free in commit order and a version number is given out once.
 */
final class RegistryTable implements IndexReads {
  static final StructType SCHEMA =
      new StructType()
          .add("seq", DataTypes.LongType, false)
          .add("event_id", DataTypes.StringType, false)
          .add("time", DataTypes.TimestampType, false)
          .add("kind", DataTypes.StringType, false)
          .add("client", DataTypes.StringType, false)
          .add("model", DataTypes.StringType, false)
          .add("version", DataTypes.IntegerType, true)
          .add("status", DataTypes.StringType, false)
          .add("previous_version", DataTypes.IntegerType, true)
          .add("created", DataTypes.TimestampType, false)
          .add("location", DataTypes.StringType, false)
          .add("manifest_sha256", DataTypes.StringType, false)
          .add("actor", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false)
          .add("candidate_sha256", DataTypes.StringType, true);

  /**
   * A batch's rows all match when any row at or after its first seq is stored (a concurrent commit
   * won since the batch's state was read), so a batch is inserted whole or not at all.
   */
  private static final String KEY =
      "t.seq >= %d OR (t.kind = 'published' AND s.kind ="
          + " 'published' AND t.client = s.client AND t.model = s.model AND t.version = s.version)";

  private static final int MAX_ATTEMPTS = 25;

  private final SparkSession spark;
  private final String path;

  RegistryTable(SparkSession spark, String path) {
    this.spark = spark;
    this.path = path;
  }

  String path() {
    return path;
  }

  @Override
  public Snapshot read() {
    if (!exists()) {
      return new Snapshot(-1, RegistryState.empty());
    }

    long version = DeltaTable.forPath(spark, path).history(1).head().getAs("version");
    return readAt(version);
  }

  @Override
  public Snapshot readAt(long tableVersion) {
    return new Snapshot(
        tableVersion,
        state(spark.read().format("delta").option("versionAsOf", tableVersion).load(path)));
  }

  private static RegistryState state(Dataset<Row> rows) {
    List<RegistryEvent> events = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      events.add(event(r));
    }

    return RegistryState.replay(events);
  }

  @Override
  public List<IndexVersion> history() {
    if (!exists()) {
      return List.of();
    }

    return DeltaTable.forPath(spark, path)
        .history()
        .select("version", "timestamp", "operation")
        .orderBy("version")
        .collectAsList()
        .stream()
        .map(
            r ->
                new IndexVersion(
                    r.<Long>getAs("version"),
                    instant(r.getAs("timestamp")),
                    r.<String>getAs("operation")))
        .toList();
  }

  /**
   * Commits the event {@code prepare} derives from the latest state, retrying on a fresh state when
   * a concurrent commit won. {@code prepare} may run several times; it must be repeatable.
   *
   * @return the event as committed
   */
  RegistryEvent commit(Function<Snapshot, RegistryEvent> prepare) {
    return commitAll(snapshot -> List.of(prepare.apply(snapshot))).get(0);
  }

  /**
   * Commits the events {@code prepare} derives from the latest state, consecutive seqs from the
   * state's next, in one Delta commit: all of them or, when a concurrent commit won, none, and
   * {@code prepare} runs again on the new state. No events: nothing is committed.
   *
   * @return the events as committed
   */
  List<RegistryEvent> commitAll(Function<Snapshot, List<RegistryEvent>> prepare) {
    create();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // The latest rows without their version number: saves a history lookup per attempt.
      List<RegistryEvent> events =
          prepare.apply(new Snapshot(-1, state(spark.read().format("delta").load(path))));
      if (events.isEmpty()) {
        return events;
      }

      try {
        DeltaTable.forPath(spark, path)
            .as("t")
            .merge(
                spark
                    .createDataFrame(events.stream().map(RegistryTable::row).toList(), SCHEMA)
                    .as("s"),
                String.format(java.util.Locale.ROOT, KEY, events.get(0).seq()))
            .whenNotMatched()
            .insertAll()
            .execute();
        if (committed(events.get(0)) && committed(events.get(events.size() - 1))) {
          return events;
        }
      } catch (ConcurrentModificationException lost) {
        // Another writer committed after our read: prepare again on its state.
      }

      backOff(attempt);
    }

    throw new RegistryException(
        "Could not commit to the registry index "
            + path
            + " in "
            + MAX_ATTEMPTS
            + " attempts: too many concurrent writers. Try again.");
  }

  private boolean committed(RegistryEvent event) {
    return !spark
        .read()
        .format("delta")
        .load(path)
        .where(functions.col("event_id").equalTo(event.eventId()))
        .isEmpty();
  }

  /** How long the index's history stays readable by time travel. */
  static final String RETENTION = "interval 36500 days";

  /**
   * Creates the table once; concurrent creators race through Delta's own commit protocol. A creator
   * that has made {@code _delta_log/} but not yet committed makes ours fail (Delta takes the folder
   * for a table); we wait for its commit, up to {@link #CREATE_ATTEMPTS} back-offs.
   */
  private void create() {
    for (int attempt = 1; !exists(); attempt++) {
      try {
        DeltaTable.createIfNotExists(spark)
            .location(path)
            .addColumns(SCHEMA)
            // Serializable: a commit conflicts with any concurrent one, not only non-appends.
            .property("delta.isolationLevel", "Serializable")
            .property("delta.appendOnly", "true")
            // Every past state stays readable: Delta drops log entries older than this (30 days
            // by default) at checkpoints, and with them the versions time travel reads.
            .property("delta.logRetentionDuration", RETENTION)
            .execute();
      } catch (Exception e) { // AnalysisException is checked but undeclared (Scala)
        if (attempt >= CREATE_ATTEMPTS) {
          throw new RegistryException(
              "Cannot create the registry index "
                  + path
                  + ": its"
                  + " _delta_log/ folder holds no commit after "
                  + attempt
                  + " attempts. If no other"
                  + " process is creating the registry (one may have died mid-create), remove "
                  + path
                  + "/_delta_log and publish again.",
              e);
        }

        backOff(attempt);
      }
    }
  }

  /** Back-offs of 20-600 ms each, a few seconds in all, while another creator commits. */
  static final int CREATE_ATTEMPTS = 10;

  /**
   * Whether the index has its first commit. {@code isDeltaTable} alone says yes as soon as a
   * concurrent creator has made {@code _delta_log/} and before its first commit is there; reading
   * the table then failed with DELTA_TABLE_NOT_FOUND (seen with two publishing processes).
   */
  private boolean exists() {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return false;
    }

    try {
      spark.read().format("delta").load(path);
      return true;
    } catch (Exception e) { // AnalysisException is checked but undeclared (Scala)
      if (e instanceof AnalysisException) {
        return false;
      }

      throw e;
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60L * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while committing to the registry", e);
    }
  }

  static Row row(RegistryEvent e) {
    return RowFactory.create(
        e.seq(),
        e.eventId(),
        Timestamp.from(e.time()),
        e.kind().label(),
        e.ref().client(),
        e.ref().model(),
        e.version(),
        e.status().label(),
        e.previous(),
        Timestamp.from(e.created()),
        e.location(),
        e.manifestSha256(),
        e.actor(),
        e.reason(),
        e.candidateSha256());
  }

  /** A timestamp column's value: Instant under Spark's Java 8 time API, Timestamp otherwise. */
  static java.time.Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (java.time.Instant) value;
  }

  static RegistryEvent event(Row r) {
    return IndexRows.event(
        column -> {
          Object value = r.getAs(column);
          return value instanceof Timestamp || value instanceof java.time.Instant
              ? instant(value)
              : value;
        });
  }
}
