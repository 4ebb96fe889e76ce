package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.BoundedLineReader;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.testing.EventContract;
import io.micromodels.features.testing.HostileCsvRows;
import io.micromodels.features.testing.HostileRows;
import io.micromodels.features.testing.HostileRows.Expect;
import io.micromodels.features.testing.HostileRows.FuzzRow;
import io.micromodels.features.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The real ingest on generated batches of hostile rows mixed with valid ones, written as a JSON
 * Lines and a CSV file (issue #8, docs/reliability.md): it never fails, every row is accounted for
 * (input = accepted + quarantined + duplicates, each count checked against the tables), every bad
 * row is in {@code quarantine} with its reason and raw text, what is accepted is valid (DESIGN.md
 * §3.1) and the first copy of a repeated id is kept, and nothing is written outside the warehouse.
 * A try costs a Spark ingest (seconds), so tries are few and shrinking is off: a failure reports
 * its seed and the whole batch.
 */
class IngestFuzzProperties {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final IngestLimits LIMITS = IngestLimits.defaults(NOW);

  /** A client id the generator uses; ingest must never create it. */
  private static final Path ABSOLUTE_CLIENT = Path.of("/tmp/micromodels-escape");

  private final SparkSession spark = SharedSpark.session();

  /** One non-blank input row where the oracle expects it. */
  private record Placed(String file, long line, FuzzRow row) {}

  @Property(tries = 4, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void ingestAccountsForEveryHostileRowAndWritesOnlyIntoTheWarehouse(
      @ForAll("jsonBatches") List<FuzzRow> json, @ForAll("csvBatches") List<FuzzRow> csv)
      throws IOException {
    Path dir = SharedSpark.newDirectory("fuzz");
    Path warehouse = dir.resolve("warehouse");
    List<Placed> rows = new ArrayList<>();
    writeLines(dir.resolve("in/1-events.jsonl"), List.of(), json, 1, rows);
    writeLines(
        dir.resolve("in/2-events.csv"),
        List.of(String.join(",", HostileCsvRows.HEADER)),
        csv,
        2,
        rows);
    Set<Path> before = tree(dir.getParent());

    long start = System.nanoTime();
    IngestSummary summary =
        new IngestJob(spark, new SparkSettings("local[2]", warehouse.toString(), Map.of()), LIMITS)
            .run(List.of(dir.resolve("in").toString()));

    System.out.printf(
        "fuzz ingest: %d rows in %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);
    Set<Path> created = tree(dir.getParent());
    created.removeAll(before);
    // The shared test session's own warehouse (spark-warehouse, made on first use) is the one
    // other place Spark may write; in a job it lies inside the job's warehouse.
    Path sessionWarehouse =
        Path.of(java.net.URI.create(spark.conf().get("spark.sql.warehouse.dir")));
    assertThat(created)
        .allMatch(
            p ->
                p.startsWith(warehouse)
                    || p.startsWith(sessionWarehouse)
                    || sessionWarehouse.startsWith(p),
            "inside " + warehouse);
    assertThat(ABSOLUTE_CLIENT).doesNotExist();

    Map<String, Row> events =
        table(warehouse, "events").stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("client_id") + "/" + r.<String>getAs("event_id"), r -> r));
    Map<String, Row> quarantined =
        table(warehouse, "quarantine").stream()
            .collect(
                Collectors.toMap(
                    r -> place(r.getAs("source_file"), r.getAs("line_number")), r -> r));
    events
        .values()
        .forEach(
            e -> assertThat(EventContract.of(e).violations(LIMITS)).as("accepted %s", e).isEmpty());

    Map<String, FuzzRow> firstCopies = new LinkedHashMap<>();
    long valid = 0;
    long eitherAccepted = 0;
    for (Placed placed : rows) {
      FuzzRow row = placed.row();
      Row rejected = quarantined.get(place(placed.file(), placed.line()));
      Statistics.label("rows").collect(row.expect());
      switch (row.expect()) {
        case ACCEPT -> {
          assertThat(rejected).as("valid row quarantined: %s", row).isNull();
          valid++;
          firstCopies.putIfAbsent(row.clientId() + "/" + row.eventId(), row);
        }
        case REJECT -> {
          assertThat(rejected).as("bad row not quarantined: %s", row).isNotNull();
          assertThat(row.expectsReason(rejected.getAs("reason_code")))
              .as("reason %s for %s", rejected.<String>getAs("reason_code"), row)
              .isTrue();
        }
        default -> { // EITHER: kept as an event of its own id, or quarantined
          boolean accepted = events.containsKey("acme/" + row.eventId());
          assertThat(accepted).as("either, not both: %s", row).isNotEqualTo(rejected != null);
          eitherAccepted += accepted ? 1 : 0;
        }
      }

      if (rejected != null) {
        assertThat(rejected.<String>getAs("reason")).isNotBlank();
        if (row.bytes().length > LIMITS.maxRowBytes()) {
          // Over-long lines are never read whole: quarantine keeps their first bytes.
          assertThat(row.text()).startsWith(rejected.<String>getAs("raw"));
          assertThat(rejected.<String>getAs("raw").length())
              .isLessThanOrEqualTo(BoundedLineReader.KEPT_PREFIX_BYTES);
        } else {
          assertThat(rejected.<String>getAs("raw")).isEqualTo(row.text());
        }
      }
    }

    // Events are facts: of a repeated id, the first copy (file, then line) is the one kept.
    firstCopies.forEach(
        (key, first) -> {
          assertThat(events).containsKey(key);
          BigDecimal amount = events.get(key).getAs("amount");
          assertThat(amount).as("amount of %s", key).isEqualTo(first.amount());
        });
    assertThat(summary.inputRows()).isEqualTo(rows.size());
    assertThat(summary.accepted())
        .isEqualTo(events.size())
        .isEqualTo(firstCopies.size() + eitherAccepted);
    assertThat(summary.duplicates()).isEqualTo(valid - firstCopies.size());
    assertThat(summary.quarantined())
        .isEqualTo(quarantined.size())
        .isEqualTo(rows.size() - valid - eitherAccepted);
  }

  @Provide
  Arbitrary<List<FuzzRow>> jsonBatches() {
    return numbered(HostileRows.jsonLines().list().ofMinSize(40).ofMaxSize(90));
  }

  @Provide
  Arbitrary<List<FuzzRow>> csvBatches() {
    return numbered(HostileCsvRows.lines().list().ofMinSize(10).ofMaxSize(30));
  }

  private static Arbitrary<List<FuzzRow>> numbered(Arbitrary<List<FuzzRow>> batches) {
    return batches.map(
        rows -> IntStream.range(0, rows.size()).mapToObj(i -> rows.get(i).numbered(i)).toList());
  }

  /** Writes the lines (bytes as generated) and records where each non-blank one lands. */
  private static void writeLines(
      Path file, List<String> header, List<FuzzRow> lines, int firstLine, List<Placed> placed)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    header.forEach(h -> out.writeBytes((h + "\n").getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(lines.get(i).bytes());
      out.write('\n');
      if (lines.get(i).expect() != Expect.SKIP) {
        placed.add(new Placed(file.getFileName().toString(), firstLine + i, lines.get(i)));
      }
    }

    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
  }

  private static String place(String file, long line) {
    return Path.of(file.replaceFirst("^file:", "")).getFileName() + ":" + line;
  }

  private List<Row> table(Path warehouse, String name) {
    Path path = warehouse.resolve(name);
    return Files.isDirectory(path)
        ? spark.read().format("delta").load(path.toString()).collectAsList()
        : List.of();
  }

  private static Set<Path> tree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.collect(Collectors.toCollection(java.util.HashSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
