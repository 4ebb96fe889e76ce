package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gate}: the verdicts of a backtest run's metrics.json, exit 3 when one is blocked. */
class GateCommandTest {
  @Test
  void aBlockedCandidateExitsThreeAndAMissingBacktestOne() throws IOException {
    SharedSpark.session();
    Path warehouse = SharedSpark.newDirectory("gate-cli").resolve("wh");
    Path run = warehouse.resolve("backtests/backtest-2025-10-07");
    metrics(run, "dashfood", "{\"gate\": {\"passed\": true, \"failures\": []}}");
    metrics(
        run,
        "modehaus",
        "{\"gate\": {\"passed\": false, \"failures\":"
            + " [\"pr_auc.max_drop: 0.300 is 0.050 below the champion's 0.350\"]}}");

    StringWriter out = new StringWriter();
    assertThat(
            run(
                out,
                "--warehouse",
                warehouse.toString(),
                "gate",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "dashfood,modehaus",
                "--as-of",
                "2025-10-07"))
        .isEqualTo(MicromodelsCli.EXIT_BLOCKED);
    assertThat(out.toString())
        .containsPattern("dashfood +passed +all gate checks passed")
        .containsPattern("modehaus +blocked +blocked by the gate: pr_auc.max_drop: 0.300");

    StringWriter again = new StringWriter();
    assertThat(
            run(
                again,
                "--warehouse",
                warehouse.toString(),
                "gate",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "dashfood,tripwise",
                "--as-of",
                "2025-10-07"))
        .isEqualTo(MicromodelsCli.EXIT_FAILURE);
    assertThat(again.toString()).containsPattern("tripwise +failed +.*metrics.json");
  }

  private static void metrics(Path run, String client, String json) throws IOException {
    Files.createDirectories(run.resolve(client));
    Files.writeString(run.resolve(client).resolve("metrics.json"), json);
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }
}
