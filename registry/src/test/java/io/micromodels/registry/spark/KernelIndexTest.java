package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.Decision;
import io.micromodels.registry.IndexReads;
import io.micromodels.registry.ModelRef;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark-free reader of the registry index ({@code KernelIndex}, behind {@link
 * Registry#readOnly}) gives what the Spark reader gives on the same table: every event of every
 * version (time travel included), the history, the feed and a version's manifest.
 */
class KernelIndexTest {
  static final SparkSession SPARK = SharedSpark.session();

  @Test
  void readsTheIndexExactlyAsSparkDoes() {
    Path dir = SharedSpark.newDirectory("kernel-index");
    String root = dir.resolve("registry").toString();
    Registry withoutSpark = Registry.readOnly(new Configuration(), root);
    assertThat(withoutSpark.history()).isEmpty();
    assertThat(withoutSpark.state().events()).isEmpty();

    Publisher publisher = new Publisher(SPARK, root);
    publisher.publish(PublisherTest.request(dir.resolve("c0"), "acme", PublisherTest.PASSED));
    publisher.publish(
        PublisherTest.request(
            dir.resolve("c1"), "acme", Decision.blocked(List.of("pr_auc 0.30 < 0.35"), "nightly")));
    publisher.publish(PublisherTest.request(dir.resolve("c2"), "zeta", PublisherTest.PASSED));
    Registry withSpark = new Registry(SPARK, root);
    withSpark.promote(ModelRef.of("acme"), 1, "alice", "first release");

    assertThat(withoutSpark.state().events()).hasSize(4).isEqualTo(withSpark.state().events());
    assertThat(withoutSpark.indexVersion()).isEqualTo(withSpark.indexVersion());
    List<IndexReads.IndexVersion> history = withSpark.history();
    assertThat(withoutSpark.history()).isEqualTo(history);
    for (IndexReads.IndexVersion v : history) {
      assertThat(withoutSpark.stateAt(v.version()).events())
          .as("version " + v.version())
          .isEqualTo(withSpark.stateAt(v.version()).events());
    }
    com.fasterxml.jackson.databind.node.ObjectNode feed = withoutSpark.feed(1);
    com.fasterxml.jackson.databind.node.ObjectNode sparkFeed = withSpark.feed(1);
    feed.remove("generated_at");
    sparkFeed.remove("generated_at");
    assertThat(feed).isEqualTo(sparkFeed);
    assertThat(withoutSpark.show(ModelRef.of("zeta"), 1).manifest())
        .isEqualTo(withSpark.show(ModelRef.of("zeta"), 1).manifest());
  }
}
