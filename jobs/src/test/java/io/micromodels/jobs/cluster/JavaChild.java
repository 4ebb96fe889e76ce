package io.micromodels.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A child JVM of a test, started in {@code dir} with this JVM's {@code --add-opens} flags, its
 * stdout and stderr in {@code <dir>/<name>.out} and {@code <name>.err}. {@link #kill} sends SIGKILL
 * to it and to every process it started (a worker's executors), bounded in time.
 */
public final class JavaChild implements AutoCloseable {
  private static final Duration KILL_WAIT = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private JavaChild(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} with {@code env} added to
   * this JVM's environment.
   */
  public static JavaChild start(
      String name,
      Path dir,
      List<String> jvmOptions,
      String classpath,
      String mainClass,
      List<String> args,
      Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java17Options());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    try {
      return new JavaChild(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The surefire argLine's flags Spark needs on Java 17 (the parent pom's spark.java17.opens). */
  static List<String> java17Options() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .toList();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public String stdout() {
    return read(out);
  }

  public String stderr() {
    return read(err);
  }

  /**
   * Waits for a line of stderr (where Spark logs) or stdout matching {@code pattern}.
   *
   * @throws IllegalStateException when the process ends or {@code timeout} passes first
   */
  public Matcher await(Pattern pattern, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      boolean alive = process.isAlive();
      Matcher m = pattern.matcher(stderr() + stdout());
      if (m.find()) {
        return m;
      }

      if (!alive) {
        throw new IllegalStateException(
            name + " ended (exit " + process.exitValue() + ") before /" + pattern + "/\n" + tail());
      }

      sleep(Duration.ofMillis(200));
    }

    throw new IllegalStateException(
        name + ": no /" + pattern + "/ within " + timeout + "\n" + tail());
  }

  /** The exit code; kills the process when it has not ended within {@code timeout}. */
  public int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new IllegalStateException(name + " did not end within " + timeout + "\n" + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException(e);
    }

    return process.exitValue();
  }

  /** SIGKILL to the process and its descendants, then waits (bounded) for all to be gone. */
  public void kill() {
    // Descendants first: once the parent is dead its children are reparented and out of reach.
    List<ProcessHandle> all =
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    all.forEach(ProcessHandle::destroyForcibly);
    Instant deadline = Instant.now().plus(KILL_WAIT);
    for (ProcessHandle p : all) {
      try {
        p.onExit()
            .get(
                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(name + ": process " + p.pid() + " survived SIGKILL", e);
      }
    }
  }

  @Override
  public void close() {
    kill();
  }

  /** The last lines of both outputs, for failure messages. */
  public String tail() {
    return "--- "
        + name
        + " stderr (tail)\n"
        + last(stderr(), 60)
        + "--- "
        + name
        + " stdout (tail)\n"
        + last(stdout(), 40);
  }

  private static String last(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
