package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.VersionEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Two JVMs publishing the same client into one registry get two distinct, complete versions. */
class ConcurrentPublishProcessesTest {
  static final SparkSession SPARK = SharedSpark.session();

  @Test
  void twoProcessesPublishingAtOnceGetDistinctVersions() throws Exception {
    Path dir = SharedSpark.newDirectory("two-processes");
    String root = dir.resolve("registry").toString();
    ChildJvm a = ChildJvm.start(dir.resolve("a"), root, null);
    ChildJvm b = ChildJvm.start(dir.resolve("b"), root, null);

    CompletableFuture<String> doneA =
        CompletableFuture.supplyAsync(() -> a.awaitLine(line -> line.startsWith("PUBLISHED ")));
    CompletableFuture<String> doneB =
        CompletableFuture.supplyAsync(() -> b.awaitLine(line -> line.startsWith("PUBLISHED ")));

    List<String> published =
        List.of(doneA.get(240, TimeUnit.SECONDS), doneB.get(240, TimeUnit.SECONDS));
    assertThat(a.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(b.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(published).containsExactlyInAnyOrder("PUBLISHED v1", "PUBLISHED v2");
    Registry registry = new Registry(SPARK, root);
    List<VersionEntry> versions = registry.list(ModelRef.of("acme"));
    assertThat(versions).extracting(VersionEntry::version).containsExactly(1, 2);
    versions.forEach(registry::verify);
    assertThat(registry.orphans(ModelRef.of("acme"))).isEmpty();
  }
}
