package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command line the Airflow DAGs schedule is accepted by the CLI's own parser. */
class DagCommandLinesTest {
  @Test
  void everyDagTaskCommandLineParses() throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "python3", "../orchestration/dags/tests/check_dags.py", "--dump-commands")
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "python3 is needed to dump the DAGs' command lines (Debian"
              + " package python3 on PATH; .ci/run installs it)",
          e);
    }

    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    JsonNode dags = new ObjectMapper().readTree(out);

    List<String> parsed = new ArrayList<>();
    dags.fields()
        .forEachRemaining(
            dag ->
                dag.getValue()
                    .fields()
                    .forEachRemaining(
                        task -> {
                          List<String> args = new ArrayList<>();
                          task.getValue().forEach(a -> args.add(a.asText()));
                          assertThatCode(
                                  () ->
                                      MicromodelsCli.newCommandLine()
                                          .parseArgs(args.toArray(String[]::new)))
                              .as(dag.getKey() + "." + task.getKey() + " " + args)
                              .doesNotThrowAnyException();
                          parsed.add(dag.getKey() + "." + task.getKey());
                        }));

    assertThat(parsed)
        .hasSize(8)
        .contains(
            "micromodels_nightly.features",
            "micromodels_adhoc_backtest.backtest",
            "micromodels_weekly.weekly");
  }

  @Test
  void aCommandLineTheDagsCouldGetWrongIsRejected() {
    assertThatCode(() -> MicromodelsCli.newCommandLine().parseArgs("features", "--form", "x"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
  }

  @Test
  void theStagesAreRegisteredInTheSubcommandsList() {
    CommandLine plain = new CommandLine(new MicromodelsCli());

    assertThat(plain.getSubcommands())
        .containsKeys(
            "ingest",
            "features",
            "train",
            "backtest",
            "gate",
            "publish",
            "registry",
            "run",
            "airflow");
  }
}
