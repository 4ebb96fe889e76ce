package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {
  private final StringWriter err = new StringWriter();

  @Test
  void trainNeedsAnAsOf() {
    assertThat(run("train", "--configs", "../data-samples/clients")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--as-of=<asOf>'");
  }

  @Test
  void anUnknownClientIsNamedBeforeSparkStarts() {
    assertThat(
            run(
                "train",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "nobody",
                "--as-of",
                "2025-10-07"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--clients: no config for client 'nobody'");
  }

  @Test
  void aBadAsOfIsBadUsage() {
    assertThat(run("train", "--configs", "../data-samples/clients", "--as-of", "soon"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("option '--as-of': 'soon' is not an as-of: expected a date");
  }

  private int run(String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
