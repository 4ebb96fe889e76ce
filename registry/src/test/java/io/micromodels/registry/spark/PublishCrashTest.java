package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.testing.HoldingHook;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A publishing JVM killed with SIGKILL at each pause point leaves no visible partial version, and a
 * later publish works. The children run at once, each on its own registry, to save time.
 */
class PublishCrashTest {
  static final SparkSession SPARK = SharedSpark.session();
  static final ModelRef ACME = ModelRef.of("acme");

  @Test
  void aPublishKilledAtAnyPointLeavesNoPartialVersion() throws Exception {
    Map<PausePoint, ChildJvm> children = new EnumMap<>(PausePoint.class);
    // after-index-commit is not killed here: past the commit the version is published, which
    // the final publish below shows in-process at a fraction of a child JVM's cost.
    for (PausePoint point :
        List.of(PausePoint.AFTER_STAGING, PausePoint.AFTER_MOVE, PausePoint.BEFORE_INDEX_COMMIT)) {
      Path dir = SharedSpark.newDirectory("crash-" + point.label());
      children.put(point, ChildJvm.start(dir, dir.resolve("registry").toString(), point));
    }

    Map<PausePoint, CompletableFuture<String>> markers = new EnumMap<>(PausePoint.class);
    children.forEach(
        (point, c) ->
            markers.put(
                point,
                CompletableFuture.supplyAsync(
                    () -> c.awaitLine(line -> line.startsWith(HoldingHook.MARKER)))));
    for (Map.Entry<PausePoint, ChildJvm> e : children.entrySet()) {
      String seen = markers.get(e.getKey()).get(180, TimeUnit.SECONDS);
      e.getValue().process().destroyForcibly(); // SIGKILL on Linux
      assertThat(e.getValue().process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(seen).isEqualTo(HoldingHook.MARKER + " " + e.getKey().label());
    }

    for (Map.Entry<PausePoint, ChildJvm> e : children.entrySet()) {
      Registry registry = new Registry(SPARK, e.getValue().root());
      assertThat(registry.list(ACME)).as("killed at " + e.getKey().label()).isEmpty();
      assertThat(registry.state().events()).isEmpty();
      assertThat(registry.orphans(ACME))
          .as("orphan slots at " + e.getKey().label())
          .hasSize(e.getKey() == PausePoint.AFTER_STAGING ? 0 : 1);
    }

    ChildJvm killedBeforeCommit = children.get(PausePoint.BEFORE_INDEX_COMMIT);
    RegistryEvent next =
        new Publisher(SPARK, killedBeforeCommit.root())
            .publish(
                PublisherTest.request(
                    killedBeforeCommit.dir().resolve("again"), "acme", PublisherTest.PASSED));
    Registry registry = new Registry(SPARK, killedBeforeCommit.root());
    assertThat(next.version()).isEqualTo(1);
    assertThat(registry.list(ACME)).singleElement().satisfies(registry::verify);
    assertThat(registry.orphans(ACME)).hasSize(1).doesNotContain(next.location());
  }
}
