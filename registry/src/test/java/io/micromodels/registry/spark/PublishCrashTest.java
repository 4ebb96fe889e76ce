package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.testing.Candidates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A publishing JVM killed with SIGKILL at each pause point leaves no visible partial version, and
 * a later publish works. The children run at once, each on its own registry, to save time.
 */
class PublishCrashTest {
  static final SparkSession SPARK = SharedSpark.session();
  static final ModelRef ACME = ModelRef.of("acme");

  record Child(Path dir, String root, Process process) {}

  @Test
  void aPublishKilledAtAnyPointLeavesNoPartialVersion() throws Exception {
    Map<PausePoint, Child> children = new EnumMap<>(PausePoint.class);
    // after-index-commit is not killed here: past the commit the version is published, which
    // the final publish below shows in-process at a fraction of a child JVM's cost.
    for (PausePoint point : List.of(PausePoint.AFTER_STAGING, PausePoint.AFTER_MOVE,
        PausePoint.BEFORE_INDEX_COMMIT)) {
      children.put(point, start(point));
    }

    Map<PausePoint, CompletableFuture<String>> markers = new EnumMap<>(PausePoint.class);
    children.forEach((point, c) -> markers.put(point, CompletableFuture.supplyAsync(
        () -> marker(c))));
    for (Map.Entry<PausePoint, Child> e : children.entrySet()) {
      String seen = markers.get(e.getKey()).get(180, TimeUnit.SECONDS);
      e.getValue().process().destroyForcibly(); // SIGKILL on Linux
      assertThat(e.getValue().process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).isEqualTo(PausePoint.MARKER + " " + e.getKey().label());
    }

    for (Map.Entry<PausePoint, Child> e : children.entrySet()) {
      Registry registry = new Registry(SPARK, e.getValue().root());
      List<VersionEntry> visible = registry.list(ACME);
      assertThat(visible).as("killed at " + e.getKey().label()).isEmpty();
      assertThat(registry.state().events()).isEmpty();
      assertThat(registry.orphans(ACME)).as("orphan slots at " + e.getKey().label())
          .hasSize(e.getKey() == PausePoint.AFTER_STAGING ? 0 : 1);
    }

    Child killedBeforeCommit = children.get(PausePoint.BEFORE_INDEX_COMMIT);
    RegistryEvent next = new Publisher(SPARK, killedBeforeCommit.root()).publish(
        PublisherTest.request(killedBeforeCommit.dir().resolve("again"), "acme",
            PublisherTest.PASSED));
    Registry registry = new Registry(SPARK, killedBeforeCommit.root());
    assertThat(next.version()).isEqualTo(1);
    assertThat(registry.list(ACME)).singleElement().satisfies(registry::verify);
    assertThat(registry.orphans(ACME)).hasSize(1).doesNotContain(next.location());
  }

  private static Child start(PausePoint point) throws IOException {
    Path dir = SharedSpark.newDirectory("crash-" + point.label());
    Candidates.CandidateFiles files = Candidates.write(dir, "acme", Candidates.passed("acme"));
    String root = dir.resolve("registry").toString();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx384m");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
            || a.startsWith("-Dlog4j2"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        PublishChild.class.getName(), root, files.modelJson().toString(),
        files.backtest().toString(), "acme"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(PausePoint.ENV, point.label());
    return new Child(dir, root, builder.start());
  }

  /** The child's marker line; its other output is drained so the pipe never fills. */
  private static String marker(Child child) {
    StringBuilder seen = new StringBuilder();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(
          child.process().getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(PausePoint.MARKER)) {
          return line;
        }

        seen.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    throw new IllegalStateException("the child ended without pausing:\n" + seen);
  }
}
