package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.ConfigException;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.InputFile;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.testing.HostileFolders;
import io.micromodels.features.testing.HostileFolders.FolderPlan;
import io.micromodels.features.testing.HostileFolders.PlannedFile;
import io.micromodels.features.testing.HostileFolders.PlannedLine;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Ingest on generated hostile folders (issue 30, docs/reliability.md "Hostile-input properties:
 * ingest"): nested folders with symbolic-link loops, links to files and to nowhere, gzipped and
 * CRLF files, over-long lines at random positions, event ids of raw bytes (invalid UTF-8, escaped
 * lone surrogates), random bytes. Whatever the folder, ingest throws nothing but {@link
 * MicromodelsException}; reads every real file once; accounts for every non-blank row (accepted +
 * quarantined + duplicates = input rows); and never stores two distinct raw ids as one. The many
 * cases run the production readers in plain Java ({@link InputFiles}, {@link TextFileValidation}
 * without Spark jobs); a few run the whole Spark ingest.
 */
class HostileFolderProperties {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Configuration CONF = new Configuration();
  private static final int EVENT_COLUMNS = EventSchema.EVENTS.size();

  /** One validated row as the production reader produced it. */
  private record Outcome(String sourceFile, long line, String reasonCode, String key) {}

  @Property(tries = 300, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void everyRealFileIsReadOnceEveryRowCountedAndNoTwoRawIdsMerge(
      @ForAll("folders") FolderPlan plan, @ForAll("capPercents") int capPercent)
      throws IOException {
    Path root = write(plan);
    try {
      // A cap below the largest file in about one try in eight: that file must fail, alone.
      long largest = plan.files().stream().mapToLong(f -> f.content().length).max().orElse(1);
      IngestLimits limits =
          IngestLimits.defaults(NOW)
              .withMaxRowBytes(plan.maxRowBytes())
              .withMaxFileBytes(Math.max(1, largest * capPercent / 100));
      InputFiles inputs = expand(plan, root);
      if (inputs == null) {
        return;
      }

      Map<Object, PlannedFile> planned = visibleFilesByKey(plan, root);
      Set<Object> read = new HashSet<>();
      List<Outcome> outcomes = new ArrayList<>();
      Map<String, Set<String>> rawIdsByStoredKey = new HashMap<>();
      for (InputFile file : inputs.files()) {
        Object key = fileKey(local(file.path()));
        assertThat(read.add(key)).as("%s read twice", file.path()).isTrue();
        PlannedFile source = planned.get(key);
        assertThat(source).as("%s is no planned file", file.path()).isNotNull();
        List<Outcome> rows = validateAlone(file, limits, source);
        Statistics.label("files").collect(rows == null ? "beyond the file cap" : "read");
        if (rows == null) {
          continue; // failed as it must
        }

        assertThat(rows)
            .extracting(Outcome::line)
            .as(file.path())
            .containsExactlyElementsOf(expectedRowLines(source, plan.maxRowBytes()));
        for (Outcome row : rows) {
          PlannedLine line = source.lines().get((int) row.line() - 1);
          if (row.reasonCode() == null && line.rawId() != null) {
            rawIdsByStoredKey
                .computeIfAbsent(row.key(), k -> new HashSet<>())
                .add(HexFormat.of().formatHex(line.rawId()));
          }
          Statistics.label("outcome")
              .collect(row.reasonCode() == null ? "accepted" : row.reasonCode());
        }

        outcomes.addAll(rows);
      }

      assertThat(read).as("every visible planned file is read").isEqualTo(planned.keySet());
      rawIdsByStoredKey.forEach(
          (stored, raw) -> assertThat(raw).as("raw ids stored as %s", stored).hasSize(1));
      Statistics.label("accepted rows sharing a stored key")
          .collect(
              outcomes.stream()
                      .filter(o -> o.reasonCode() == null)
                      .map(Outcome::key)
                      .distinct()
                      .count()
                  < outcomes.stream().filter(o -> o.reasonCode() == null).count());
      Statistics.label("skipped paths").collect(inputs.skipped().size());
      Statistics.label("rows per folder, by 20").collect(outcomes.size() / 20 * 20);
    } finally {
      delete(root);
    }
  }

  /**
   * The whole Spark ingest on a few generated folders: its summary equals what the plain-Java
   * readers say, and the identity input = accepted + quarantined + duplicates holds.
   */
  @Property(tries = 1, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void sparkIngestAccountsForEveryRowOfAHostileFolder(@ForAll("folders") FolderPlan plan)
      throws IOException {
    Path root = write(plan);
    try {
      IngestLimits limits = IngestLimits.defaults(NOW).withMaxRowBytes(plan.maxRowBytes());
      InputFiles inputs = expand(plan, root);
      if (inputs == null) {
        return;
      }

      Map<Object, PlannedFile> planned = visibleFilesByKey(plan, root);
      List<Outcome> expected = new ArrayList<>();
      for (InputFile file : inputs.files()) {
        expected.addAll(validateAlone(file, limits, planned.get(fileKey(local(file.path())))));
      }
      List<String> acceptedKeys =
          expected.stream().filter(o -> o.reasonCode() == null).map(Outcome::key).toList();
      long distinct = acceptedKeys.stream().distinct().count();
      Path warehouse = SharedSpark.newDirectory("hostile-folder").resolve("warehouse");

      IngestSummary summary =
          new IngestJob(
                  SharedSpark.session(),
                  new SparkSettings("local[2]", warehouse.toString(), Map.of()),
                  limits)
              .run(inputs);

      assertThat(summary.inputRows()).isEqualTo(expected.size());
      assertThat(summary.quarantined()).isEqualTo(expected.size() - acceptedKeys.size());
      assertThat(summary.accepted()).isEqualTo(distinct);
      assertThat(summary.duplicates()).isEqualTo(acceptedKeys.size() - distinct);
      assertThat(summary.skipped()).isEqualTo(inputs.skipped());
    } finally {
      delete(root);
    }
  }

  @Provide
  Arbitrary<FolderPlan> folders() {
    return HostileFolders.folders();
  }

  /** The file cap in percent of the largest file; uniform, jqwik's default favours small ones. */
  @Provide
  Arbitrary<Integer> capPercents() {
    return Arbitraries.integers().between(1, 800).withDistribution(RandomDistribution.uniform());
  }

  /** The input files, or null when the plan hides them all (a usage error, as it must be). */
  private static InputFiles expand(FolderPlan plan, Path root) {
    try {
      return InputFiles.expand(CONF, List.of(root.toString()));
    } catch (ConfigException e) {
      assertThat(plan.files()).noneMatch(PlannedFile::visible);
      assertThat(e).hasMessageContaining("no event-log files found");
      return null;
    }
  }

  /**
   * The rows of one file as the production text reader validates them, or null when the file
   * decompresses beyond the cap, which must then fail naming the file and the limit.
   */
  private static List<Outcome> validateAlone(
      InputFile file, IngestLimits limits, PlannedFile source) {
    boolean tooLarge = source.content().length > limits.maxFileBytes();
    List<Outcome> rows = new ArrayList<>();
    try {
      Iterator<InternalRow> it =
          new TextFileValidation(new HadoopConf(CONF), limits).call(List.of(file).iterator());
      while (it.hasNext()) {
        rows.add(outcome(it.next()));
      }
    } catch (MicromodelsException e) {
      assertThat(tooLarge).as("%s failed: %s", file.path(), e.getMessage()).isTrue();
      assertThat(e).hasMessageContaining(file.path()).hasMessageContaining("--max-file-bytes");
      return null;
    }

    assertThat(tooLarge).as("%s read past the file cap", file.path()).isFalse();
    return rows;
  }

  private static Outcome outcome(InternalRow row) {
    String reason =
        row.isNullAt(EVENT_COLUMNS + 4) ? null : row.getUTF8String(EVENT_COLUMNS + 4).toString();
    // The key as Spark stores it: the UTF-8 bytes of the row's strings.
    String key =
        reason != null
            ? null
            : HexFormat.of().formatHex(row.getUTF8String(0).getBytes())
                + "/"
                + HexFormat.of().formatHex(row.getUTF8String(1).getBytes());
    return new Outcome(
        row.getUTF8String(EVENT_COLUMNS).toString(), row.getLong(EVENT_COLUMNS + 1), reason, key);
  }

  /** Line numbers of the planned file's rows: not the CSV header, not blank lines. */
  private static List<Long> expectedRowLines(PlannedFile file, int maxRowBytes) {
    List<Long> lines = new ArrayList<>();
    for (int i = file.isCsv() ? 1 : 0; i < file.lines().size(); i++) {
      byte[] bytes = file.lines().get(i).bytes();
      if (bytes.length > maxRowBytes || !new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        lines.add(i + 1L);
      }
    }

    return lines;
  }

  private static Map<Object, PlannedFile> visibleFilesByKey(FolderPlan plan, Path root) {
    Map<Object, PlannedFile> files = new HashMap<>();
    plan.files().stream()
        .filter(PlannedFile::visible)
        .forEach(f -> files.put(fileKey(root.resolve(f.path())), f));
    return files;
  }

  private static Object fileKey(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path local(String hadoopPath) {
    return Path.of(new org.apache.hadoop.fs.Path(hadoopPath).toUri());
  }

  private static Path write(FolderPlan plan) throws IOException {
    Path root = Files.createTempDirectory("hostile-folder-");
    plan.write(root);
    return root;
  }

  /** Deletes the tree without following its links. */
  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
