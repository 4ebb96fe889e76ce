package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.*;

import io.micromodels.features.EventFields;
import io.micromodels.features.IngestErrors;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.IngestWriteOptions;
import io.micromodels.features.InputFile;
import io.micromodels.features.InputFormat;
import io.micromodels.features.LabelEventCounts;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.config.LabelSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingest (DESIGN.md §4): reads event-log files, validates every row, quarantines the invalid ones
 * with their raw text and reason, de-duplicates on (client_id, event_id) within the input and
 * against {@code events}, and adds the new events.
 *
 * <p>Both writes are insert-only MERGEs keyed on stable ids, so a rerun on the same files adds
 * nothing, and a run killed between them is completed by the rerun. All input is read and validated
 * before anything is written, so an unreadable file fails the run with no change. Within one input,
 * the copy of a repeated event kept is the first by (source file, line).
 */
public final class IngestJob {
  public static final String EVENTS_TABLE = "events";
  public static final String QUARANTINE_TABLE = "quarantine";
  private static final String KEY_HASH = "key_hash";

  private final SparkSession spark;
  private final SparkSettings settings;
  private final IngestLimits limits;
  private final IngestWriteOptions writes;

  /** An ingest with the default write options ({@link IngestWriteOptions#defaults()}). */
  public IngestJob(SparkSession spark, SparkSettings settings, IngestLimits limits) {
    this(spark, settings, limits, IngestWriteOptions.defaults());
  }

  public IngestJob(
      SparkSession spark, SparkSettings settings, IngestLimits limits, IngestWriteOptions writes) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.writes = Objects.requireNonNull(writes, "writes");
  }

  /**
   * Ingests files and folders (local paths or Hadoop URIs). The input is read, validated and
   * shuffled by (client, day) once ({@link ClientDayShuffle}); every later job reads the shuffle's
   * output.
   */
  public IngestSummary run(List<String> inputs) {
    return run(InputFiles.expand(spark.sparkContext().hadoopConfiguration(), inputs));
  }

  /** Ingests files already found ({@link InputFiles#expand}, before Spark started). */
  public IngestSummary run(InputFiles inputs) {
    List<InputFile> files = inputs.files();
    Dataset<Row> validated;
    RowCounts counts;
    try {
      validated = ClientDayShuffle.of(spark, validate(files));
      counts = count(validated);
    } catch (Exception e) { // SparkException is checked in Java's eyes but thrown unchecked
      throw readFailure(e, files);
    }

    List<Dataset<?>> persisted = new ArrayList<>();
    try {
      EventTables tables = EventTables.create(spark, settings);
      long quarantineVersion = tables.quarantineVersion();
      if (counts.quarantined() > 0) {
        quarantineVersion = tables.insertNewQuarantined(quarantineRows(validated)).version();
      }

      long eventsVersion = tables.eventsVersion();
      long inserted = 0;
      if (counts.valid() > 0) {
        ClientDays days = counts.clientDays();
        Map<ClientDays.ClientDay, Integer> splits = days.splits(writes.maxClientDayRowsPerTask());
        EventTables.Insert insert =
            tables.insertNewEvents(
                firstCopies(validated, splits, persisted),
                StoredRange.of(days.rangeByClient(), writes.resendHorizonDays()),
                !splits.isEmpty());
        eventsVersion = insert.version();
        inserted = insert.rows();
      }

      return new IngestSummary(
          files,
          inputs.skipped(),
          counts.valid() + counts.quarantined(),
          inserted,
          counts.quarantined(),
          counts.valid() - inserted,
          counts.byReason(),
          counts.labelEvents(),
          eventsVersion,
          quarantineVersion);
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private Dataset<Row> validate(List<InputFile> files) {
    List<InputFile> text = files.stream().filter(f -> f.format() != InputFormat.PARQUET).toList();
    List<String> parquet =
        files.stream().filter(f -> f.format() == InputFormat.PARQUET).map(InputFile::path).toList();
    Dataset<Row> rows = null;
    if (!text.isEmpty()) {
      JavaRDD<InternalRow> validatedText =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(text, text.size())
              .mapPartitions(new TextFileValidation(hadoopConf(), limits));
      rows = ValidatedRows.dataFrame(spark, validatedText);
    }

    if (!parquet.isEmpty()) {
      Dataset<Row> validatedParquet = ParquetValidation.validate(spark, parquet, limits);
      rows = rows == null ? validatedParquet : rows.unionByName(validatedParquet);
    }

    return rows;
  }

  private HadoopConf hadoopConf() {
    return new HadoopConf(spark.sparkContext().hadoopConfiguration());
  }

  /** Rows per rejection reason, valid rows per client-day, and valid label events per type. */
  private static RowCounts count(Dataset<Row> validated) {
    Column valid = col(EventSchema.REASON_CODE).isNull();
    Column labelEvent =
        valid.and(
            col(EventFields.LABEL)
                .isNotNull()
                .or(col(EventFields.EVENT_TYPE).isin(LabelSpec.DEFAULT_EVENT_TYPES.toArray())));
    return RowCounts.of(
        validated
            .groupBy(
                col(EventSchema.REASON_CODE),
                when(valid, col(EventFields.CLIENT_ID)).alias("valid_client"),
                when(valid, col(EventFields.EVENT_DATE)).alias("valid_day"),
                when(labelEvent, col(EventFields.EVENT_TYPE)).alias("label_type"),
                when(labelEvent, col(EventFields.LABEL)).alias("label"),
                when(labelEvent, col(EventFields.REF_EVENT_ID).isNull()).alias("no_reference"))
            .count()
            .collectAsList());
  }

  /**
   * The user-facing error of a failed read. Text files fail with their own message naming the file;
   * any other failure comes from reading Parquet (Spark names the file in its cause) or is
   * unexpected, and is reported with its innermost cause rather than Spark's job-abort text.
   */
  private static RuntimeException readFailure(Exception e, List<InputFile> files) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MicromodelsException ours) {
        return ours;
      }

      root = t;
    }

    List<String> parquet =
        files.stream().filter(f -> f.format() == InputFormat.PARQUET).map(InputFile::path).toList();
    return parquet.isEmpty()
        ? IngestErrors.unreadableInput(listed(files.stream().map(InputFile::path).toList()), root)
        : IngestErrors.unreadableParquet(listed(parquet), root);
  }

  /** The first few paths, so a message about a thousand files stays readable. */
  private static String listed(List<String> paths) {
    int shown = 5;
    String first = String.join(", ", paths.subList(0, Math.min(shown, paths.size())));
    return paths.size() <= shown ? first : first + " (and " + (paths.size() - shown) + " more)";
  }

  private static Dataset<Row> quarantineRows(Dataset<Row> validated) {
    return validated
        .filter(col(EventSchema.REASON_CODE).isNotNull())
        .select(
            col(EventSchema.QUARANTINE_ID),
            col(ValidatedRows.CLAIMED_CLIENT_ID).alias(EventFields.CLIENT_ID),
            col(EventSchema.SOURCE_FILE),
            col(EventSchema.LINE_NUMBER),
            col(EventSchema.INPUT_FORMAT),
            col(EventSchema.REASON_CODE),
            col(EventSchema.REASON),
            col(EventSchema.RAW),
            current_timestamp().alias(EventSchema.QUARANTINED_AT));
  }

  /**
   * The first copy of every (client_id, event_id) in the input, by source file and line. Repeats
   * are rare, so only a 64-bit hash of each key is shuffled to find the repeated ones ({@link
   * RepeatedKeys}); they are kept (persisted, usually none) and broadcast, so the rows that occur
   * once pass through without a shuffle (the old plan shuffled every full row for a sort-merge anti
   * join), and only rows whose key hash repeats are ranked by a window over their real key: a hash
   * collision only makes a few more rows candidates, never a wrong pick.
   *
   * <p>The rows come out partitioned for the write ({@link ClientDayShuffle}): as shuffled when
   * nothing changed, shuffled again when repeats were removed or client-days are split.
   */
  private static Dataset<Row> firstCopies(
      Dataset<Row> validated,
      Map<ClientDays.ClientDay, Integer> splits,
      List<Dataset<?>> persisted) {
    Column[] eventColumns =
        Arrays.stream(EventSchema.EVENTS.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    Dataset<Row> valid =
        validated
            .filter(col(EventSchema.REASON_CODE).isNull())
            .withColumn(KEY_HASH, xxhash64(col(EventFields.CLIENT_ID), col(EventFields.EVENT_ID)));
    Dataset<Row> repeatedHashes =
        RepeatedKeys.of(valid, KEY_HASH).persist(StorageLevel.MEMORY_AND_DISK());
    persisted.add(repeatedHashes);
    if (repeatedHashes.count() == 0) {
      return splits.isEmpty()
          ? valid.select(eventColumns)
          : ClientDayShuffle.repartition(valid.select(eventColumns), splits);
    }

    scala.collection.Seq<String> key =
        scala.collection.JavaConverters.asScalaBuffer(List.of(KEY_HASH)).toSeq();
    Dataset<Row> repeated = broadcast(repeatedHashes);
    Dataset<Row> once = valid.join(repeated, key, "left_anti").select(eventColumns);
    Dataset<Row> firstOfRepeated =
        valid
            .join(repeated, key, "left_semi")
            .withColumn(
                "copy",
                row_number()
                    .over(
                        Window.partitionBy(EventFields.CLIENT_ID, EventFields.EVENT_ID)
                            .orderBy(
                                col(EventSchema.SOURCE_FILE),
                                col(EventSchema.LINE_NUMBER),
                                col(ValidatedRows.ROW_HASH))))
            .filter(col("copy").equalTo(1))
            .select(eventColumns);
    // The union lost the rows' (client, day) partitioning, which the MERGE relies on.
    return ClientDayShuffle.repartition(once.unionByName(firstOfRepeated), splits);
  }

  /** Row counts of one validated input. */
  record RowCounts(
      long valid,
      long quarantined,
      Map<String, Long> byReason,
      ClientDays clientDays,
      Map<String, LabelEventCounts> labelEvents) {
    static RowCounts of(List<Row> groups) {
      long valid = 0;
      long quarantined = 0;
      Map<String, Long> byReason = new HashMap<>();
      Map<ClientDays.ClientDay, Long> days = new HashMap<>();
      Map<String, LabelEventCounts> labelEvents = new HashMap<>();
      for (Row group : groups) {
        long count = group.getLong(6);
        if (group.isNullAt(0)) {
          valid += count;
          days.merge(
              new ClientDays.ClientDay(group.getString(1), day(group.get(2))), count, Long::sum);
          if (!group.isNullAt(3)) {
            labelEvents.merge(
                group.getString(3), labelCounts(group, count), LabelEventCounts::plus);
          }
        } else {
          quarantined += count;
          byReason.merge(group.getString(0), count, Long::sum);
        }
      }

      return new RowCounts(valid, quarantined, byReason, new ClientDays(days), labelEvents);
    }

    /** A date as Spark returns it: LocalDate with the session's Java 8 time API, else sql.Date. */
    private static LocalDate day(Object date) {
      return date instanceof java.sql.Date legacy ? legacy.toLocalDate() : (LocalDate) date;
    }

    private static LabelEventCounts labelCounts(Row group, long count) {
      long noReference = group.getBoolean(5) ? count : 0;
      if (group.isNullAt(4)) {
        return new LabelEventCounts(0, 0, count, noReference);
      }
      return group.getInt(4) == 1
          ? new LabelEventCounts(count, 0, 0, noReference)
          : new LabelEventCounts(0, count, 0, noReference);
    }
  }
}
