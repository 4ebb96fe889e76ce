package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.IngestWriteOptions;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How ingest writes {@code events}: the MERGE reads only each client's input days widened by the
 * re-send horizon, and a client-day above the split threshold is written by several tasks.
 */
class IngestWritesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final IngestWriteOptions WEEK_HORIZON =
      IngestWriteOptions.defaults().withResendHorizonDays(7);
  private final SparkSession spark = SharedSpark.session();
  private Path dir;
  private SparkSettings settings;
  private int runs;

  @BeforeEach
  void newWarehouse() {
    dir = SharedSpark.newDirectory("writes");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
  }

  /**
   * A re-sent copy at the same time, or moved by up to the horizon, is a duplicate; one moved
   * further is outside what the MERGE reads and is stored again (documented, docs/ingest.md),
   * unless a larger horizon (re-ingesting history) reaches the stored copy.
   */
  @Test
  void aResentEventIsADuplicateWithinTheHorizonAndStoredAgainBeyondIt() throws IOException {
    ingest(
        WEEK_HORIZON,
        event("a", "acme", "2025-06-01T10:00:00Z"),
        event("b", "acme", "2025-06-01T10:00:00Z"));
    String movedEightDays = event("a", "acme", "2025-06-09T10:00:00Z");

    IngestSummary sameTime = ingest(WEEK_HORIZON, event("a", "acme", "2025-06-01T10:00:00Z"));
    IngestSummary movedAWeek = ingest(WEEK_HORIZON, event("b", "acme", "2025-06-08T09:00:00Z"));
    IngestSummary largerHorizon = ingest(WEEK_HORIZON.withResendHorizonDays(30), movedEightDays);
    IngestSummary beyondTheWeek = ingest(WEEK_HORIZON, movedEightDays);

    assertThat(sameTime.duplicates()).isEqualTo(1);
    assertThat(movedAWeek.duplicates()).isEqualTo(1);
    assertThat(largerHorizon.duplicates()).isEqualTo(1);
    assertThat(beyondTheWeek.accepted()).isEqualTo(1);
    assertThat(events().filter("event_id = 'a'").count()).isEqualTo(2);
    assertThat(events().filter("event_id = 'b'").count()).isEqualTo(1);
  }

  /**
   * The bound is real and per client: the files of acme's January day are deleted behind Delta's
   * back, so a MERGE that read them would fail (before, the MERGE read every stored file of the
   * input's clients, and did), although another client's backfill reaches January.
   */
  @Test
  void storedDaysOutsideEachClientsRangeAreNotRead() throws IOException {
    ingest(
        WEEK_HORIZON,
        event("old", "acme", "2025-01-10T10:00:00Z"),
        event("recent", "acme", "2025-06-01T10:00:00Z"));
    deleteFilesOf(dir.resolve("warehouse/events/client_id=acme/event_date=2025-01-10"));

    IngestSummary later =
        ingest(
            WEEK_HORIZON,
            event("recent", "acme", "2025-06-01T10:00:00Z"),
            event("new", "acme", "2025-06-02T10:00:00Z"),
            event("backfill", "globex", "2025-01-11T10:00:00Z"));

    assertThat(later.accepted()).isEqualTo(2);
    assertThat(later.duplicates()).isEqualTo(1);
  }

  /**
   * With a threshold of 50 rows, acme's day of 300 rows is split into 6 parts (at most the 4
   * shuffle partitions of the test session: 2 to 4 files); the smaller days stay one file each.
   */
  @Test
  void aClientDayAboveTheThresholdIsWrittenAsSeveralFilesAndSmallDaysAsOne() throws IOException {
    IngestWriteOptions split = IngestWriteOptions.defaults().withMaxClientDayRowsPerTask(50);

    IngestSummary summary =
        ingest(
            split,
            concat(
                events("big", "acme", "2025-06-01T10:00:00Z", 300),
                events("small", "acme", "2025-06-02T10:00:00Z", 20),
                events("other", "globex", "2025-06-01T10:00:00Z", 10)));

    assertThat(summary.accepted()).isEqualTo(330);
    assertThat(filesOf("acme", "2025-06-01")).hasSizeBetween(2, 4);
    assertThat(filesOf("acme", "2025-06-02")).hasSize(1);
    assertThat(filesOf("globex", "2025-06-01")).hasSize(1);
    assertThat(events().count()).isEqualTo(330);
    assertThat(events().select("client_id", "event_id").distinct().count()).isEqualTo(330);
  }

  /**
   * When stored files of the range join the MERGE, Delta's optimized write splits the big day; its
   * bin size (512 MiB by default) is set to 0 here so that a few rows are split at all.
   */
  @Test
  void aClientDayAboveTheThresholdJoiningStoredFilesIsSplitByTheOptimizedWrite()
      throws IOException {
    IngestWriteOptions split = IngestWriteOptions.defaults().withMaxClientDayRowsPerTask(50);
    ingest(split, events("first", "acme", "2025-06-01T10:00:00Z", 10));

    IngestSummary summary;
    try (ScopedConf tinyBins =
        ScopedConf.set(spark, Map.of("spark.databricks.delta.optimizeWrite.binSize", "0"))) {
      summary =
          ingest(
              split,
              concat(
                  events("first", "acme", "2025-06-01T10:00:00Z", 10),
                  events("big", "acme", "2025-06-01T10:00:00Z", 300)));
    }

    assertThat(summary.accepted()).isEqualTo(300);
    assertThat(summary.duplicates()).isEqualTo(10);
    assertThat(filesOf("acme", "2025-06-01")).hasSizeGreaterThan(2);
    assertThat(events().select("event_id").distinct().count()).isEqualTo(310);
  }

  private IngestSummary ingest(IngestWriteOptions writes, String... lines) throws IOException {
    Path file = dir.resolve("in/run-" + runs++ + ".jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return new IngestJob(spark, settings, IngestLimits.defaults(NOW), writes)
        .run(List.of(file.toString()));
  }

  private static String event(String id, String client, String time) {
    return EventJson.order(id).with("client_id", client).with("event_time", time).json();
  }

  private static String[] events(String prefix, String client, String time, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> event(prefix + "-" + i, client, time))
        .toArray(String[]::new);
  }

  private static String[] concat(String[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
  }

  private Dataset<Row> events() {
    return spark.read().format("delta").load(settings.tablePath(IngestJob.EVENTS_TABLE));
  }

  /** The table's current files of one partition. */
  private List<String> filesOf(String client, String day) {
    return Arrays.asList(
        events()
            .where("client_id = '" + client + "' AND event_date = DATE'" + day + "'")
            .inputFiles());
  }

  private static void deleteFilesOf(Path partition) throws IOException {
    try (var files = Files.list(partition)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
