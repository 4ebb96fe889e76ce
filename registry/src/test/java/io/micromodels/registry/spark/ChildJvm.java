package io.micromodels.registry.spark;

import io.micromodels.registry.PausePoint;
import io.micromodels.registry.testing.Candidates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link PublishChild} process on the test classpath, with this JVM's {@code --add-opens} flags
 * (the surefire argLine), publishing one candidate written under {@code dir}.
 */
record ChildJvm(Path dir, String root, Process process) {
  /**
   * Starts a child publishing client acme's fixture candidate into {@code root}.
   *
   * @param pauseAt a point to hold at, or null to run through
   */
  static ChildJvm start(Path dir, String root, PausePoint pauseAt) throws IOException {
    Candidates.CandidateFiles files = Candidates.write(dir, "acme", Candidates.passed("acme"));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // short-lived and several at once on few cores: C1 only and a serial GC start faster
    command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dlog4j2"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            PublishChild.class.getName(),
            root,
            files.modelJson().toString(),
            files.backtest().toString(),
            "acme"));
    if (pauseAt != null) {
      command.add(pauseAt.label());
    }

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    return new ChildJvm(dir, root, builder.start());
  }

  /** The first output line that matches; the rest is drained so the pipe never fills. */
  String awaitLine(Predicate<String> wanted) {
    StringBuilder seen = new StringBuilder();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (wanted.test(line)) {
          return line;
        }

        seen.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    throw new IllegalStateException("the child ended without the expected line:\n" + seen);
  }
}
