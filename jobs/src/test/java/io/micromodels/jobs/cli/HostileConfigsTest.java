package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile client configs make every command that reads them fail with exit 2 and a message naming
 * the file, the key and what was expected, before any Spark work: run in a fresh JVM, no
 * SparkSession exists afterwards and no warehouse was made (issue #8, docs/reliability.md). The
 * loader's messages themselves are tested in features' ClientConfigValidationTest.
 */
class HostileConfigsTest {
  private static final String MINIMAL =
      "client_id: acme\npolicy:\n  global_threshold: {prevent_at: 80}\n";
  private static final List<String> COMMANDS =
      List.of(
          "clients|%s",
          "train|--configs|%s|--as-of|2025-10-07",
          "features|--configs|%s|--from|2025-10-01|--to|2025-10-07|--as-of|2025-10-07",
          "backtest|--configs|%s|--as-of|2025-10-07",
          "publish|--configs|%s|--as-of|2025-10-07",
          "gate|--configs|%s|--as-of|2025-10-07",
          "run|nightly|--configs|%s|--as-of|2025-10-07",
          "run|weekly|--configs|%s|--as-of|2025-10-07");

  /** One folder's only config and what the error must say about it. */
  private record Hostile(String name, byte[] yaml, String message) {
    Hostile(String name, String yaml, String message) {
      this(name, yaml.getBytes(StandardCharsets.UTF_8), message);
    }
  }

  private static final List<Hostile> HOSTILE =
      List.of(
          new Hostile(
              "unknown-key",
              MINIMAL + "time_zon: UTC\n",
              "key `time_zon`: unknown key; expected one of ["),
          new Hostile(
              "wrong-type",
              MINIMAL + "auto_promote: yes please\n",
              "key `auto_promote`: invalid value; expected true or false"),
          new Hostile(
              "traversal",
              MINIMAL + "assertions: ../../../etc/passwd\n",
              "key `assertions`: invalid value; expected a path relative to the config file's"
                  + " folder"),
          new Hostile(
              "absurd-window",
              MINIMAL + "features: [{entity: ip, aggregate: count, windows: [-30d]}]\n",
              "key `features[0].windows[0]`: invalid value; expected a window like 1h"),
          new Hostile(
              "huge-number",
              MINIMAL + "training: {train_days: 1e300}\n",
              "key `training.train_days`: invalid value; expected a whole number within 7..730"),
          new Hostile(
              "alias",
              MINIMAL + "regions: &r {EU: [DE]}\ndecision_event_types: *r\n",
              "key `decision_event_types`: a YAML alias *r at line 5"),
          new Hostile(
              "duplicate-key",
              MINIMAL + "auto_promote: true\nauto_promote: false\n",
              "Duplicate field 'auto_promote'; expected each key once"),
          new Hostile(
              "traversal-id",
              MINIMAL.replace("acme", "../x"),
              "key `client_id`: invalid value; expected lower-case letters"),
          new Hostile(
              "latin-1",
              (MINIMAL + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
              "expected a UTF-8 text file"));

  @TempDir Path dir;

  @Test
  void everyCommandRefusesHostileConfigsBeforeSparkStarts() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    for (Hostile hostile : HOSTILE) {
      Path folder = Files.createDirectories(dir.resolve(hostile.name()));
      Files.write(folder.resolve("acme.yaml"), hostile.yaml());
      expected.put(folder.toString(), hostile.message());
    }

    Path warehouse = dir.resolve("warehouse");
    List<String> runs = new ArrayList<>();
    for (String folder : expected.keySet()) {
      COMMANDS.forEach(c -> runs.add("--warehouse|" + warehouse + "|" + c.formatted(folder)));
    }

    JsonNode report = CliWithoutSpark.runInFreshJvm(dir, runs);

    assertThat(report.path("runs")).hasSize(runs.size());
    for (JsonNode run : report.path("runs")) {
      String folder =
          expected.keySet().stream()
              .filter(
                  f ->
                      run.path("run").asText().contains("|" + f + "|")
                          || run.path("run").asText().endsWith("|" + f))
              .findFirst()
              .orElseThrow();
      assertThat(run.path("exit").asInt()).as(run.path("run").asText()).isEqualTo(2);
      assertThat(run.path("err").asText())
          .as(run.path("run").asText())
          .contains(Path.of(folder, "acme.yaml").toString())
          .contains(expected.get(folder));
    }
    assertThat(report.path("spark_session").asBoolean()).isFalse();
    assertThat(warehouse).doesNotExist();
  }
}
