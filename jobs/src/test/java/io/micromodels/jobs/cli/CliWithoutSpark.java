package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Runs CLI commands in a fresh JVM, one per argument (words separated by '|'), and prints as JSON
 * each one's exit code and error output, then whether a SparkSession came to exist: a test JVM's
 * shared session would hide that ({@link HostileConfigsTest}, {@link IngestCommandTest}).
 */
public final class CliWithoutSpark {
  private CliWithoutSpark() {}

  public static void main(String[] runs) throws Exception {
    PrintStream out = System.out;
    List<Map<String, Object>> results = new ArrayList<>();
    for (String run : runs) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = MicromodelsCli.execute(run.split("\\|"));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("run", run);
      result.put("exit", exit);
      result.put("err", err.toString(StandardCharsets.UTF_8));
      results.add(result);
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("runs", results);
    report.put(
        "spark_session",
        SparkSession.getDefaultSession().isDefined()
            || SparkSession.getActiveSession().isDefined());
    out.println(new ObjectMapper().writeValueAsString(report));
  }

  /**
   * Runs this class in a new JVM on the test classpath, bounded in time, and returns its report;
   * {@code dir} receives the JVM's error output.
   */
  static JsonNode runInFreshJvm(Path dir, List<String> runs)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Xmx"))
            .toList());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), CliWithoutSpark.class.getName()));
    command.addAll(runs);
    Process process =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish within 120 s");
    }

    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text + Files.readString(dir.resolve("stderr"))).isZero();
    return new ObjectMapper().readTree(text.substring(text.lastIndexOf("\n{") + 1));
  }
}
