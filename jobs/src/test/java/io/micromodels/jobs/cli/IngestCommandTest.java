package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandTest {
  private Path dir;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() {
    SharedSpark.session();
    dir = SharedSpark.newDirectory("cli");
  }

  @Test
  void ingestPrintsTheAccountingAndExitsZero() throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(file, EventJson.order("a").json() + "\n{oops\n");

    String out =
        captureStdout(
            () ->
                assertThat(
                        run("--warehouse", dir.resolve("wh").toString(), "ingest", file.toString()))
                    .isZero());

    assertThat(out)
        .contains("2 input rows")
        .contains("malformed_json")
        .contains("input rows = accepted + quarantined + duplicates: 2 = 1 + 1 + 0");
  }

  @Test
  void missingInputIsBadUsageNamingThePath() {
    String missing = dir.resolve("missing").toString();

    int code = run("--warehouse", dir.resolve("wh").toString(), "ingest", missing);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot ingest " + missing + ": no such file or directory");
  }

  /** Issue 30: each was exit 1, after Spark had started (issue 31 added the write options). */
  @Test
  void badPathsAndLimitsExitTwoBeforeSparkStarts() throws Exception {
    Path unknown = Files.writeString(dir.resolve("events.txt"), "{}\n");
    Path good = Files.writeString(dir.resolve("events.jsonl"), "{}\n");
    Path warehouse = dir.resolve("fresh-wh");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ingest|" + unknown, "Cannot ingest " + unknown + ": unknown format");
    expected.put(
        "ingest|" + dir.resolve("missing"),
        "Cannot ingest " + dir.resolve("missing") + ": no such file or directory");
    expected.put(
        "ingest|--max-row-bytes=-1|" + good,
        "--max-row-bytes must be a positive number of bytes, got -1");
    expected.put(
        "ingest|--max-file-bytes=0|" + good,
        "--max-file-bytes must be a positive number of bytes, got 0");
    expected.put(
        "ingest|--resend-horizon-days=-1|" + good,
        "--resend-horizon-days must be a number of days, 0 or more, got -1");
    expected.put(
        "ingest|--max-client-day-rows-per-task=0|" + good,
        "--max-client-day-rows-per-task must be a positive number of rows, got 0");
    expected.put("ingest|" + dir.resolve("empty-folder"), "no event-log files found");
    Files.createDirectories(dir.resolve("empty-folder"));

    JsonNode report =
        CliWithoutSpark.runInFreshJvm(
            dir,
            expected.keySet().stream().map(run -> "--warehouse|" + warehouse + "|" + run).toList());

    for (JsonNode run : report.path("runs")) {
      String args = run.path("run").asText();
      assertThat(run.path("exit").asInt()).as(args).isEqualTo(2);
      assertThat(run.path("err").asText())
          .as(args)
          .contains(expected.get(args.substring(args.indexOf("|ingest|") + 1)));
    }
    assertThat(report.path("runs")).hasSize(expected.size());
    assertThat(report.path("spark_session").asBoolean()).isFalse();
    assertThat(warehouse).doesNotExist();
  }

  @Test
  void ingestWithoutPathsIsBadUsage() {
    assertThat(run("ingest")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'PATH'");
  }

  @Test
  void platformConfigWithAnUnknownKeyIsBadConfiguration() throws IOException {
    Path config = dir.resolve("platform.yaml");
    Files.writeString(config, "master: local[1]\nwarehose: /tmp/x\n");

    int code = run("--config", config.toString(), "ingest", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid platform config " + config + ": key `warehose`: unknown key")
        .contains("did you mean `warehouse`?");
  }

  @Test
  void platformConfigIsOverriddenByCommandLineOptions() throws IOException {
    Path config = dir.resolve("platform.yaml");
    Files.writeString(config, "master: local[1]\nwarehouse: /data/wh\nspark:\n  a.b: 3\n");
    GlobalOptions options = new GlobalOptions();
    new CommandLine(options).parseArgs("--config", config.toString(), "--warehouse", "/other");

    var settings = options.sparkSettings();

    assertThat(settings.master()).isEqualTo("local[1]");
    assertThat(settings.warehouse()).isEqualTo("/other");
    assertThat(settings.conf()).containsEntry("a.b", "3");
  }

  private int run(String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String captureStdout(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }

    return buffer.toString(StandardCharsets.UTF_8);
  }
}
