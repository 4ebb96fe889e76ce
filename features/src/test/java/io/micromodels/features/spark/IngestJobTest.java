package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.delta.tables.DeltaTable;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.LabelEventCounts;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestJobTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final SparkSession spark = SharedSpark.session();
  private Path dir;
  private SparkSettings settings;
  private IngestJob job;

  @BeforeEach
  void newWarehouse() {
    dir = SharedSpark.newDirectory("ingest");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
    job = new IngestJob(spark, settings, IngestLimits.defaults(NOW));
  }

  @Test
  void gzippedJsonLinesCsvAndParquetAllLandInEvents() throws IOException {
    gzip(dir.resolve("in/a.jsonl.gz"), EventJson.order("j1").json());
    write(
        dir.resolve("in/b.csv"),
        "client_id,event_id,event_type,event_time,customer_id,amount,currency,items",
        "acme,c1,order,2025-06-02T09:00:00Z,c-2,10.00,EUR,"
            + "\"[{\"\"name\"\":\"\"Tofu\"\",\"\"category\"\":\"\"vegan\"\",\"\"price\"\":10,"
            + "\"\"quantity\"\":1}]\"");
    writeParquet(dir.resolve("in/c.parquet"), EventJson.order("p1").with("amount", 7.25).json());

    IngestSummary summary = job.run(List.of(dir.resolve("in").toString()));

    assertThat(summary.files()).hasSize(3);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.quarantined()).isZero();
    Row j1 = eventRow("j1");
    assertThat(j1.<Instant>getAs("event_time"))
        .isEqualTo(Instant.parse("2025-06-01T10:15:30.123456Z"));
    assertThat(j1.<LocalDate>getAs("event_date")).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(j1.<BigDecimal>getAs("amount")).isEqualTo(new BigDecimal("42.50"));
    assertThat(j1.<Row>getAs("payment_method").getString(0)).isEqualTo("fp-1");
    assertThat(j1.getJavaMap(j1.fieldIndex("attributes"))).containsEntry("store", "nyc-3");
    Row c1 = eventRow("c1");
    assertThat(c1.getList(c1.fieldIndex("items"))).hasSize(1);
    assertThat(c1.<String>getAs("currency")).isEqualTo("EUR");
    Row p1 = eventRow("p1");
    assertThat(p1.<BigDecimal>getAs("amount")).isEqualTo(new BigDecimal("7.25"));
    assertThat(p1.<Instant>getAs("event_time"))
        .isEqualTo(Instant.parse("2025-06-01T10:15:30.123456Z"));
  }

  @Test
  void attributesAreStoredInKeyOrderWhateverOrderTheyArriveIn() throws IOException {
    // The event's map iterates in an order salted per JVM: without an order of its own, two
    // executors stored the same event differently (docs/reliability.md).
    write(
        dir.resolve("in/a.jsonl"),
        EventJson.order("m1")
            .json()
            .replace(
                "\"attributes\":{\"store\":\"nyc-3\"}",
                "\"attributes\":{\"zone\":\"z\","
                    + "\"store\":\"nyc-3\",\"lane\":\"4\",\"aisle\":\"7\",\"terminal\":\"t-1\","
                    + "\"desk\":\"d\"}"));

    job.run(List.of(dir.resolve("in").toString()));

    Row keys =
        table("events")
            .filter("event_id = 'm1'")
            .select(
                org.apache.spark.sql.functions.map_keys(
                    org.apache.spark.sql.functions.col("attributes")))
            .first();
    assertThat(keys.getList(0))
        .containsExactly("aisle", "desk", "lane", "store", "terminal", "zone");
  }

  @Test
  void countsTheLabelEventsOfTheInputPerTypeAndLabel() throws IOException {
    Path file = dir.resolve("labels.jsonl");
    write(
        file,
        EventJson.order("o-1").json(),
        label("cb-1", "chargeback").json(),
        label("cb-2", "chargeback").with("label", 1).json(),
        label("cb-3", "chargeback").with("label", 0).without("ref_event_id").json(),
        label("rd-1", "review_decision").with("label", 0).json(),
        label("rd-2", "review_decision").json(),
        label("rd-3", "review_decision").with("label", 7).json());

    IngestSummary summary = job.run(List.of(file.toString()));

    assertThat(summary.labelEventsByType())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "chargeback", new LabelEventCounts(1, 1, 1, 1),
                "review_decision", new LabelEventCounts(0, 1, 1, 0)));
    assertThat(summary.quarantinedByReason()).containsEntry("invalid_label", 1L);
    assertThat(summary.render())
        .contains(
            "chargeback                        3  (label 1: 1, label 0: 1, no label: 1;"
                + " no ref_event_id: 1)");
  }

  private static EventJson label(String eventId, String type) {
    return EventJson.order(eventId)
        .with("event_type", type)
        .with("ref_event_id", "o-1")
        .without("amount")
        .without("currency")
        .without("items");
  }

  @Test
  void everyMessyRowIsAccountedForAndQuarantinedWithItsReason() throws IOException {
    Path file = dir.resolve("messy.jsonl");
    write(
        file,
        EventJson.order("ok-1").json(),
        EventJson.order("ok-2").json(),
        EventJson.order("ok-1").with("amount", 1).json(),
        "{broken",
        "",
        EventJson.order("bad-1").with("client_id", "../x").json(),
        EventJson.order("bad-2").with("currency", "usd").json(),
        EventJson.order("bad-3").with("event_time", "1970-01-01T00:00:00Z").json(),
        EventJson.order("bad-4").without("event_id").json());

    IngestSummary summary = job.run(List.of(file.toString()));

    assertThat(summary.inputRows()).isEqualTo(8);
    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.quarantined()).isEqualTo(5);
    assertThat(summary.inputRows())
        .isEqualTo(summary.accepted() + summary.quarantined() + summary.duplicates());
    assertThat(summary.quarantinedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "malformed_json",
                1L,
                "invalid_client_id",
                1L,
                "invalid_currency",
                1L,
                "implausible_timestamp",
                1L,
                "missing_field",
                1L));
    Row broken = table("quarantine").filter("reason_code = 'malformed_json'").first();
    assertThat(broken.<String>getAs("raw")).isEqualTo("{broken");
    assertThat(broken.<Long>getAs("line_number")).isEqualTo(4L);
    assertThat(broken.<String>getAs("source_file")).endsWith("messy.jsonl");
    Row traversal = table("quarantine").filter("reason_code = 'invalid_client_id'").first();
    assertThat(traversal.<String>getAs("client_id")).isEqualTo("../x");
    assertThat(traversal.<String>getAs("reason")).contains("client_id: '../x' must match");
    // The first copy of a repeated event wins: ok-1 keeps its original amount.
    assertThat(eventRow("ok-1").<BigDecimal>getAs("amount")).isEqualTo(new BigDecimal("42.50"));
    assertThat(Files.exists(dir.resolve("warehouse/events/client_id=.."))).isFalse();
  }

  @Test
  void reingestingTheSameFilesChangesNothing() throws IOException {
    Path file = dir.resolve("events.jsonl");
    write(file, EventJson.order("a").json(), EventJson.order("b").json(), "not json");
    IngestSummary first = job.run(List.of(file.toString()));
    Dataset<Row> eventsBefore = table("events").localCheckpoint();
    Dataset<Row> quarantineBefore = table("quarantine").localCheckpoint();

    IngestSummary second = job.run(List.of(file.toString()));

    assertThat(second.accepted()).isZero();
    assertThat(second.duplicates()).isEqualTo(2);
    assertThat(second.quarantined()).isEqualTo(1);
    assertThat(second.eventsVersion()).isEqualTo(first.eventsVersion());
    assertThat(second.quarantineVersion()).isEqualTo(first.quarantineVersion());
    JavaDataFrameSuiteBase frames = new JavaDataFrameSuiteBase();
    frames.assertDataFrameNoOrderEquals(orderable(eventsBefore), orderable(table("events")));
    frames.assertDataFrameNoOrderEquals(quarantineBefore, table("quarantine"));
  }

  @Test
  void aRepeatAcrossFilesKeepsTheCopyOfTheFirstFileAndEveryOtherEventOnce() throws IOException {
    String[] unique = new String[200];
    for (int i = 0; i < unique.length; i++) {
      unique[i] = EventJson.order("u-" + i).json();
    }

    write(dir.resolve("in/b.jsonl"), EventJson.order("x").with("amount", 2).json());
    write(dir.resolve("in/a.jsonl"), EventJson.order("x").with("amount", 1).json());
    write(dir.resolve("in/c.jsonl"), unique);
    write(dir.resolve("in/d.jsonl"), EventJson.order("x").with("amount", 3).json(), unique[7]);

    IngestSummary summary = job.run(List.of(dir.resolve("in").toString()));

    assertThat(summary.accepted()).isEqualTo(201);
    assertThat(summary.duplicates()).isEqualTo(3);
    assertThat(table("events").count()).isEqualTo(201);
    assertThat(eventRow("x").<BigDecimal>getAs("amount")).isEqualTo(new BigDecimal("1.00"));
  }

  @Test
  void eventsAlreadyStoredAreDuplicatesInALaterRun() throws IOException {
    Path monday = dir.resolve("monday.jsonl");
    Path tuesday = dir.resolve("tuesday.jsonl");
    write(monday, EventJson.order("a").json(), EventJson.order("b").json());
    write(tuesday, EventJson.order("b").with("amount", 99).json(), EventJson.order("c").json());
    job.run(List.of(monday.toString()));

    IngestSummary summary = job.run(List.of(tuesday.toString()));

    assertThat(summary.accepted()).isEqualTo(1);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(table("events").count()).isEqualTo(3);
    assertThat(eventRow("b").<BigDecimal>getAs("amount")).isEqualTo(new BigDecimal("42.50"));
  }

  @Test
  void unreadableFileFailsTheRunWithItsPathAndWritesNothing() throws IOException {
    write(dir.resolve("in/good.jsonl"), EventJson.order("a").json());
    Path corrupt = dir.resolve("in/corrupt.jsonl.gz");
    Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7});

    assertThatThrownBy(() -> job.run(List.of(dir.resolve("in").toString())))
        .isInstanceOf(MicromodelsException.class)
        .hasMessageContaining("Cannot read input file")
        .hasMessageContaining("corrupt.jsonl.gz")
        .hasMessageContaining("Nothing was written");
    assertThat(Files.exists(dir.resolve("warehouse/events"))).isFalse();
  }

  @Test
  void missingInputPathIsNamed() {
    String missing = dir.resolve("nope").toString();

    assertThatThrownBy(() -> job.run(List.of(missing)))
        .isInstanceOf(MicromodelsException.class)
        .hasMessage("Cannot ingest " + missing + ": no such file or directory. Check the path.");
  }

  @Test
  void eventsArePartitionedByClientAndDate() throws IOException {
    Path file = dir.resolve("e.jsonl");
    write(file, EventJson.order("a").json());
    job.run(List.of(file.toString()));

    Row detail = DeltaTable.forPath(spark, settings.tablePath("events")).detail().first();

    assertThat(detail.getList(detail.fieldIndex("partitionColumns")))
        .containsExactly("client_id", "event_date");
    assertThat(dir.resolve("warehouse/events/client_id=acme/event_date=2025-06-01")).isDirectory();
    assertThat(table("events").schema().fieldNames())
        .containsExactly(EventSchema.EVENTS.fieldNames());
  }

  /**
   * Ingest reads and shuffles every row once: its (client, day) shuffle feeds the counts, the
   * repeated-key search and the MERGE, which writes the rows as they come into a table holding none
   * of these clients. A second shuffle of full rows (the MERGE repartitioning again) would push the
   * records shuffled to 3 per row; once is 2 (the row, and its key hash for the repeated-key
   * search) plus a few aggregates.
   */
  @Test
  void everyRowIsShuffledOnceAndEachClientDayIsOneFileWithoutAnEventIdDictionary()
      throws Exception {
    int perFile = 200;
    for (int f = 0; f < 3; f++) {
      String[] lines = new String[perFile];
      for (int i = 0; i < perFile; i++) {
        lines[i] =
            EventJson.order("e-" + f + "-" + i)
                .with("client_id", i % 2 == 0 ? "acme" : "globex")
                .with("event_time", "2025-06-0" + (1 + i % 5) + "T10:00:00Z")
                .json();
      }
      write(dir.resolve("in/part-" + f + ".jsonl"), lines);
    }

    ShuffleRecords shuffled = new ShuffleRecords();
    spark.sparkContext().addSparkListener(shuffled);
    IngestSummary summary;
    try {
      summary = job.run(List.of(dir.resolve("in").toString()));
    } finally {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.sparkContext().removeSparkListener(shuffled);
    }

    long rows = 3L * perFile;
    assertThat(summary.accepted()).isEqualTo(rows);
    assertThat(shuffled.records()).isBetween(2 * rows, 2 * rows + 100);
    try (var days = Files.walk(dir.resolve("warehouse/events"))) {
      var filesPerDay =
          days.filter(p -> p.toString().endsWith(".parquet"))
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Path::getParent, java.util.stream.Collectors.toList()));
      assertThat(filesPerDay)
          .hasSize(10)
          .allSatisfy(
              (day, files) -> {
                assertThat(files).hasSize(1);
                assertThat(ParquetColumns.encodings(files.get(0), "event_id"))
                    .noneMatch(e -> e.usesDictionary());
                assertThat(ParquetColumns.encodings(files.get(0), "customer_id"))
                    .anyMatch(e -> e.usesDictionary());
              });
    }
    Row detail = DeltaTable.forPath(spark, settings.tablePath("events")).detail().first();
    assertThat(detail.getJavaMap(detail.fieldIndex("properties")))
        .containsEntry("delta.dataSkippingStatsColumns", "event_type,event_time,customer_id,label");
  }

  /** Records written by shuffle map tasks while it listens. */
  private static final class ShuffleRecords extends org.apache.spark.scheduler.SparkListener {
    private final java.util.concurrent.atomic.AtomicLong records =
        new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        records.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
      }
    }

    long records() {
      return records.get();
    }
  }

  /** spark-testing-base groups by every column, and maps cannot be grouped: compare as JSON. */
  private static Dataset<Row> orderable(Dataset<Row> events) {
    return events.withColumn(
        "attributes",
        org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.col("attributes")));
  }

  private Row eventRow(String eventId) {
    List<Row> rows = table("events").filter("event_id = '" + eventId + "'").collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(settings.tablePath(name));
  }

  private void writeParquet(Path file, String json) throws IOException {
    Path source = dir.resolve("parquet-source.jsonl");
    write(source, json);
    Path out = dir.resolve("parquet-out");
    spark
        .read()
        .schema(EventSchema.EVENTS)
        .json(source.toString())
        .drop("event_date")
        .coalesce(1)
        .write()
        .parquet(out.toString());
    try (var files = Files.list(out)) {
      Path part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.createDirectories(file.getParent());
      Files.copy(part, file);
    }
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static void gzip(Path file, String... lines) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
