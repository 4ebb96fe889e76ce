package io.micromodels.jobs.testing;

import io.micromodels.jobs.cli.MicromodelsCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code micromodels <args>} in its own JVM on the test classpath, with this JVM's
 * {@code --add-opens} flags, its output (stdout and stderr) in a log file that a test can watch
 * while the process runs, to kill it at a point it has reached.
 */
public record CliProcess(Process process, Path log) {
  /** Starts the CLI with {@code args}; {@code env} is added to this JVM's environment. */
  public static CliProcess start(Path log, Map<String, String> env, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
            || a.startsWith("-Dlog4j2") || a.startsWith("-Dspark.ui"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        MicromodelsCli.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      return new CliProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output has a line starting with {@code prefix}; fails if the process ends. */
  public void awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (hasLine(prefix)) {
        return;
      }

      if (!process.isAlive()) {
        throw new AssertionError("the process ended (exit " + process.exitValue() + ") before a"
            + " line starting with \"" + prefix + "\":\n" + output());
      }

      Thread.sleep(50);
    }

    throw new AssertionError("no line starting with \"" + prefix + "\" within " + timeout + ":\n"
        + output());
  }

  public boolean hasLine(String prefix) {
    return output().lines().anyMatch(l -> l.startsWith(prefix));
  }

  /** SIGKILL (on Linux) and wait for the end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("killed process still running");
    }
  }

  /** Waits for a normal end and returns the exit code. */
  public int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("no end within " + timeout + ":\n" + output());
    }

    return process.exitValue();
  }

  public String output() {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8); // lenient: bytes as logged
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
