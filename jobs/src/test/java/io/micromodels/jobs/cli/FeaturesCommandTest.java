package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FeaturesCommandTest {
  private final StringWriter err = new StringWriter();

  @Test
  void listPrintsTheCatalogueOfTheSampleClientsWithoutSpark() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          run(
              "features",
              "--configs",
              "../data-samples/clients",
              "--clients",
              "dashfood",
              "--list");
    } finally {
      System.setOut(original);
    }

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("customer.order_count_1h")
        .contains("order events of the same customer_id in the 1h before the event")
        .contains("attributes.store.fraud_rate_28d_delay7d")
        .contains("label_mature")
        .doesNotContain("terminal");
  }

  @Test
  void aRunWithoutDatesIsBadUsage() {
    assertThat(run("features", "--configs", "../data-samples/clients")).isEqualTo(2);
    assertThat(err.toString()).contains("needs --from, --to and --as-of");
  }

  @Test
  void anUnknownClientIsNamed() {
    assertThat(
            run(
                "features",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "nobody",
                "--list"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--clients: no config for client 'nobody'");
  }

  @Test
  void aBadAsOfIsBadUsage() {
    assertThat(
            run(
                "features",
                "--configs",
                "../data-samples/clients",
                "--from",
                "2025-09-01",
                "--to",
                "2025-09-02",
                "--as-of",
                "yesterday"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("option '--as-of': 'yesterday' is not an as-of: expected a date");
  }

  @Test
  void anExportNeedsItsDatesAndAFormatItKnowsBeforeSparkStarts() {
    assertThat(
            run(
                "features",
                "export",
                "--configs",
                "../data-samples/clients",
                "--out",
                "/tmp/never-written"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("micromodels features export needs --from, --to and" + " --as-of.");
    assertThat(
            run(
                "features",
                "export",
                "--configs",
                "../data-samples/clients",
                "--from",
                "2025-09-01",
                "--to",
                "2025-09-02",
                "--as-of",
                "2025-09-03",
                "--out",
                "/tmp/x",
                "--format",
                "xlsx"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--format");
  }

  private int run(String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
