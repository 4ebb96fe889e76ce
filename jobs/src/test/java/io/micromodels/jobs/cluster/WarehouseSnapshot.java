package io.micromodels.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.spark.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a nightly run left in a warehouse, as comparable text: one entry per table, artifact,
 * manifest and the registry's events, with what legitimately differs between two runs on the same
 * input normalised away, and nothing else ({@link #NORMALISED}).
 *
 * @param items name (e.g. {@code table features}) to normalised content, one item per line
 */
public record WarehouseSnapshot(Map<String, List<String>> items) {
  /** Every normalisation applied, for the docs and failure messages. */
  public static final List<String> NORMALISED =
      List.of(
          "the warehouse location (file:<dir> and <dir>) -> <warehouse>",
          "UUIDs (the version folder v<n>-<uuid>) -> <uuid>",
          "manifest.json identity.created_at (the publish wall clock)",
          "manifest.json digest of lineage.inputs[] and datasets[] (SHA-256 of the table's URI and"
              + " version: the warehouse location)",
          "Hadoop's .<file>.crc files are not compared (checksums of the files that are), nor"
              + " other dot files (a killed writer's .<file>.tmp)",
          "registry/models folders no registry event names (orphan slots of killed publishes,"
              + " invisible to readers) are not compared",
          "manifest.json sha256 and bytes of artifacts[] report.html, and the SHA256SUMS lines of"
              + " manifest.json and report.html (digests and sizes of files holding the above)",
          "quarantine column quarantined_at (the ingest wall clock)",
          "registry events: event_id (random), time and created (wall clock), manifest_sha256 and"
              + " candidate_sha256 (digests of files holding the above; the files are compared)");

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLES = List.of("events", "quarantine", "features");

  /** Reads {@code warehouse} with {@code spark} (the test's own session). */
  public static WarehouseSnapshot of(SparkSession spark, Path warehouse) {
    Path root = warehouse.toAbsolutePath().normalize();
    Map<String, List<String>> items = new TreeMap<>();
    for (String table : TABLES) {
      items.put("table " + table, rows(spark, root.resolve(table)));
    }

    Registry registry = new Registry(spark, "file:" + root.resolve("registry"));
    List<String> recorded =
        registry.state().events().stream()
            .map(e -> e.location().replaceFirst("^file:", "") + "/")
            .toList();
    for (Path file : files(root, "candidates", "backtests", "registry/models")) {
      String name = root.relativize(file).toString();
      if (file.getFileName().toString().startsWith(".")) {
        continue; // Hadoop's checksum files, a killed writer's temporary file
      }

      if (name.startsWith("registry/models/")
          && recorded.stream().noneMatch(file.toString()::startsWith)) {
        continue; // an orphan slot of a killed publish: no reader sees it
      }

      String text = file.toString().endsWith(".gz") ? gunzip(file) : read(file);
      if (name.endsWith(".html")) {
        text = text.replace(">", ">\n"); // one line per tag: a readable difference
      }

      List<String> lines = splitLines(normalise(withoutRunFields(name, text), root));
      if (name.endsWith("SHA256SUMS")) {
        lines =
            lines.stream()
                .filter(l -> !l.endsWith(" manifest.json") && !l.endsWith(" report.html"))
                .toList();
      }

      items.put(normalise(name, root), lines);
    }

    List<String> events = new ArrayList<>();
    for (RegistryEvent e : registry.state().events()) {
      events.add(
          normalise(
              String.join(
                  " | ",
                  String.valueOf(e.seq()),
                  e.kind().label(),
                  e.ref().toString(),
                  String.valueOf(e.version()),
                  String.valueOf(e.status()),
                  String.valueOf(e.previous()),
                  e.location(),
                  e.actor(),
                  e.reason()),
              root));
    }

    items.put("registry events", events);
    return new WarehouseSnapshot(items);
  }

  /** Fails naming the first item that differs from {@code expected}'s. */
  public void assertSameAs(WarehouseSnapshot expected) {
    assertThat(items.keySet()).containsExactlyElementsOf(expected.items().keySet());
    expected
        .items()
        .forEach(
            (item, lines) ->
                assertThat(lines(item))
                    .as(item + ", normalised: " + NORMALISED)
                    .containsExactlyElementsOf(lines));
  }

  /** The lines of one item, empty when there is no such item. */
  public List<String> lines(String item) {
    return items.getOrDefault(item, List.of());
  }

  private static List<String> rows(SparkSession spark, Path table) {
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      return List.of();
    }

    var rows = spark.read().format("delta").load(table.toString());
    if (Arrays.asList(rows.columns()).contains("quarantined_at")) {
      rows = rows.drop("quarantined_at");
    }

    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static String withoutRunFields(String name, String text) {
    if (!name.endsWith("manifest.json")) {
      return text;
    }

    try {
      JsonNode manifest = JSON.readTree(text);
      ((ObjectNode) manifest.path("identity")).remove("created_at");
      Stream.concat(
              stream(manifest.path("lineage").path("inputs")), stream(manifest.path("datasets")))
          .forEach(d -> ((ObjectNode) d).remove("digest"));
      stream(manifest.path("artifacts"))
          .filter(a -> a.path("path").asText().equals("report.html"))
          .forEach(a -> ((ObjectNode) a).remove(List.of("sha256", "bytes")));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }

  private static String normalise(String text, Path warehouse) {
    String w = warehouse.toString();
    return UUID.matcher(text.replace("file:" + w, "<warehouse>").replace(w, "<warehouse>"))
        .replaceAll("<uuid>");
  }

  private static List<Path> files(Path root, String... folders) {
    List<Path> all = new ArrayList<>();
    for (String folder : folders) {
      Path dir = root.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile).sorted().forEach(all::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    return all;
  }

  private static List<String> splitLines(String text) {
    return text.lines().toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
