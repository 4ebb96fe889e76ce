package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.BoundedLineReader;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.SkippedInput;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regressions of the hostile-input probe of issue 30 (ingest part), each through the real ingest on
 * a local SparkSession: a gzip bomb, symlink loops, invalid UTF-8 in key fields.
 */
class HostileIngestTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** A quarter GB of zeros on one line: about 250 KB gzipped. */
  private static final long BOMB_LINE_BYTES = 256L << 20;

  private final SparkSession spark = SharedSpark.session();
  private Path dir;
  private SparkSettings settings;

  @BeforeEach
  void newWarehouse() {
    dir = SharedSpark.newDirectory("hostile");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
  }

  @Test
  void aGzipBombLineIsQuarantinedFromItsFirstBytesAndTheNextLinesAreRead() throws IOException {
    Path bomb = gzipBomb(dir.resolve("in/bomb.jsonl.gz"));

    IngestSummary summary = ingest(IngestLimits.defaults(NOW), dir.resolve("in"));

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.quarantinedByReason()).containsExactly(Map.entry("oversized_row", 1L));
    Row row = table("quarantine").get(0);
    assertThat(row.<String>getAs("source_file")).endsWith(bomb.getFileName().toString());
    assertThat(row.<Long>getAs("line_number")).isEqualTo(2);
    assertThat(row.<String>getAs("reason"))
        .isEqualTo(
            "row of " + BOMB_LINE_BYTES + " bytes, at most " + IngestLimits.DEFAULT_MAX_ROW_BYTES);
    assertThat(row.<String>getAs("raw")).hasSize(BoundedLineReader.KEPT_PREFIX_BYTES);
  }

  @Test
  void aFileDecompressingBeyondTheFileLimitFailsTheRunNamingItAndWritesNothing()
      throws IOException {
    Path bomb = gzipBomb(dir.resolve("in/bomb.jsonl.gz"));
    IngestLimits limits = IngestLimits.defaults(NOW).withMaxFileBytes(64L << 20);

    assertThatThrownBy(() -> ingest(limits, dir.resolve("in")))
        .isInstanceOf(MicromodelsException.class)
        .hasMessageStartingWith("Cannot ingest file:" + bomb)
        .hasMessageContaining("more than " + (64L << 20) + " bytes once decompressed")
        .hasMessageContaining("Nothing was written");
    assertThat(dir.resolve("warehouse/events")).doesNotExist();
    assertThat(dir.resolve("warehouse/quarantine")).doesNotExist();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFolderWithSymlinkLoopsIngestsEveryRealFileOnceAndSaysWhatItSkipped() throws IOException {
    write(dir.resolve("in/a.jsonl"), EventJson.order("a1").json(), EventJson.order("a2").json());
    write(dir.resolve("in/sub/b.jsonl"), EventJson.order("b1").json());
    Files.createSymbolicLink(dir.resolve("in/sub/up"), Path.of(".."));
    Files.createSymbolicLink(dir.resolve("in/sub/again.jsonl"), Path.of("../a.jsonl"));
    Files.createSymbolicLink(dir.resolve("in/twin"), Path.of("sub"));

    IngestSummary summary = ingest(IngestLimits.defaults(NOW), dir.resolve("in"));

    // Before: the same rows once per path, 41 paths deep, all but the first as duplicates.
    assertThat(summary.files()).hasSize(2);
    assertThat(summary.inputRows()).isEqualTo(3);
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.duplicates()).isZero();
    assertThat(summary.skipped())
        .extracting(SkippedInput::reason)
        .containsExactly(
            "same folder as file:" + dir.resolve("in/sub") + ", read once",
            "same file as file:" + dir.resolve("in/a.jsonl") + ", read once",
            "symbolic link loop back to file:" + dir.resolve("in") + ", read once");
    assertThat(summary.render())
        .contains(
            "skipped 3 path(s) below the input folders:", "in/sub/up: symbolic link loop back to");
  }

  @Test
  void identifiersWithBytesThatAreNotUtf8AreQuarantinedNotMerged() throws IOException {
    // Before: both ids read "u8-\uFFFD"; the second row was dropped as a duplicate of the first.
    Files.createDirectories(dir.resolve("in"));
    Files.write(
        dir.resolve("in/a.jsonl"),
        concat(
            withBytes(EventJson.order("u8-@").json(), (byte) 0xff),
            withBytes(EventJson.order("u8-@").json(), (byte) 0xfe),
            withBytes(EventJson.order("ok").with("email", "x@@y").json(), (byte) 0xff)));
    // A Parquet string column holding the same bytes: Spark does not check them either.
    spark
        .read()
        .schema(EventSchema.EVENTS)
        .json(
            spark.createDataset(
                List.of(EventJson.order("p").json()), org.apache.spark.sql.Encoders.STRING()))
        .drop("event_date")
        .withColumn("ref_event_id", functions.unhex(functions.lit("72FF")).cast("string"))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("in/p.parquet").toString());

    IngestSummary summary = ingest(IngestLimits.defaults(NOW), dir.resolve("in"));

    assertThat(summary.quarantinedByReason()).containsExactly(Map.entry("invalid_encoding", 3L));
    assertThat(summary.accepted()).as("bad bytes in free text are kept").isEqualTo(1);
    assertThat(summary.duplicates()).isZero();
    assertThat(table("quarantine"))
        .extracting(r -> r.<String>getAs("reason"))
        .containsExactlyInAnyOrder(
            "event_id: 'u8-\ufffd' holds U+FFFD, the mark of bytes that are not UTF-8: an"
                + " identifier must arrive intact",
            "event_id: 'u8-\ufffd' holds U+FFFD, the mark of bytes that are not UTF-8: an"
                + " identifier must arrive intact",
            "ref_event_id: 'r\ufffd' holds U+FFFD, the mark of bytes that are not UTF-8: an"
                + " identifier must arrive intact");
  }

  private IngestSummary ingest(IngestLimits limits, Path... inputs) {
    return new IngestJob(spark, settings, limits)
        .run(Arrays.stream(inputs).map(Path::toString).toList());
  }

  private List<Row> table(String name) {
    return spark.read().format("delta").load(settings.tablePath(name)).collectAsList();
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  /** The line's UTF-8 with its {@code @} replaced by a raw byte, and a line break. */
  private static byte[] withBytes(String line, byte raw) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    int at = line.indexOf('@');
    bytes[at] = raw;
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Arrays.stream(parts).forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** A valid order, one line of {@link #BOMB_LINE_BYTES} zeros, a valid order; gzipped. */
  private static Path gzipBomb(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] zeros = new byte[1 << 20];
    Arrays.fill(zeros, (byte) '0');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write((EventJson.order("before").json() + "\n").getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < BOMB_LINE_BYTES; written += zeros.length) {
        out.write(zeros);
      }

      out.write(("\n" + EventJson.order("after").json() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    return file;
  }
}
