package io.micromodels.orchestration.dags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Python DAG checker (orchestration/dags/tests/check_dags.py) as CI does. */
class DagCheckTest {
  private static final Path DAGS = Path.of(System.getProperty("dags.dir", "dags"));

  record Result(int exit, String out, String err) {}

  static Result check(Path dags, String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("python3", dags.resolve("tests/check_dags.py").toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "python3 is needed for the DAG checks (Debian package" + " python3; .ci/run installs it)",
          e);
    }

    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void theDagFilesPassEveryCheck() throws Exception {
    Result result = check(DAGS);

    assertThat(result.err()).contains("dag checks: 3 DAGs, 8 tasks, all passed");
    assertThat(result.exit()).isZero();
  }

  @Test
  void aDagWhoseGraphDriftsFromTheExpectedOneFails(@TempDir Path copy) throws Exception {
    copyTree(DAGS, copy);
    Path nightly = copy.resolve("micromodels_nightly.py");
    Files.writeString(
        nightly,
        Files.readString(nightly).replace("ingest >> features >> train", "ingest >> train"));

    Result result = check(copy);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("FAIL micromodels_nightly: edges");
  }

  @Test
  void aHeavyImportOrATaskWithoutTimeoutFails(@TempDir Path copy) throws Exception {
    copyTree(DAGS, copy);
    Path weekly = copy.resolve("micromodels_weekly.py");
    Files.writeString(
        weekly,
        "import pandas\n" + Files.readString(weekly).replace("timedelta(hours=8))", "None)"));
    Files.createDirectories(copy.resolve("tests/fake_airflow/pandas"));
    Files.writeString(copy.resolve("tests/fake_airflow/pandas/__init__.py"), "");

    Result result = check(copy);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("micromodels_weekly.py: heavy import at parse time: pandas")
        .contains("micromodels_weekly.weekly: no execution_timeout");
  }

  @Test
  void adhocParamsThatLetABadConfThroughFail(@TempDir Path copy) throws Exception {
    copyTree(DAGS, copy);
    Path adhoc = copy.resolve("micromodels_adhoc_backtest.py");
    Files.writeString(
        adhoc,
        Files.readString(adhoc)
            .replace(
                "Param(type=\"string\", minLength=10", "Param(\"\", type=\"string\", minLength=0")
            .replace("minimum=1, maximum=12", "minimum=0, maximum=12"));

    Result result = check(copy);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("FAIL adhoc: a bad conf is accepted (missing hypothesis)")
        .contains("FAIL adhoc: a bad conf is accepted (zero folds)");
  }

  @Test
  void aTaskWhoseAsOfIsNotTheLogicalDateFails(@TempDir Path copy) throws Exception {
    copyTree(DAGS, copy);
    Path nightly = copy.resolve("micromodels_nightly.py");
    Files.writeString(
        nightly,
        Files.readString(nightly)
            .replace(
                "[\"train\", \"--configs\", configs, \"--as-of\", \"{{ ds }}\"]",
                "[\"train\", \"--configs\", configs, \"--as-of\", \"2025-01-01\"]"));

    Result result = check(copy);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .contains("FAIL micromodels_nightly.train: --as-of is not the logical date");
  }

  @Test
  void theDumpListsEachTasksArgumentsAfterTheJar() throws Exception {
    Result result = check(DAGS, "--dump-commands");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out())
        .containsSubsequence(
            "\"micromodels_nightly\"",
            "\"ingest\": [",
            "\"--warehouse\"",
            "\"s3a://lake/warehouse\"",
            "\"ingest\"",
            "\"s3a://events/incoming/2025-10-01\"")
        .doesNotContain("spark-submit")
        .doesNotContain("{{");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.filter(p -> !p.toString().contains("__pycache__")).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
