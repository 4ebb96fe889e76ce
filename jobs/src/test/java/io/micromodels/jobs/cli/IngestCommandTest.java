package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    String out = captureStdout(() -> assertThat(run("--warehouse", dir.resolve("wh").toString(),
        "ingest", file.toString())).isZero());

    assertThat(out)
        .contains("2 input rows")
        .contains("malformed_json")
        .contains("input rows = accepted + quarantined + duplicates: 2 = 1 + 1 + 0");
  }

  @Test
  void missingInputExitsOneNamingThePath() {
    String missing = dir.resolve("missing").toString();

    int code = run("--warehouse", dir.resolve("wh").toString(), "ingest", missing);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("Cannot ingest " + missing + ": no such file or directory");
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
