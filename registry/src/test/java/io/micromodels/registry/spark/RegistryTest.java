package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.EventKind;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.SchemaValidator;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.testing.Feeds;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Promote, rollback, time travel and the feed on one registry with three published versions. */
class RegistryTest {
  static final SparkSession SPARK = SharedSpark.session();
  static final ModelRef ACME = ModelRef.of("acme");
  static String root;
  static Registry registry;

  @BeforeAll
  static void publishThreeVersions() {
    Path dir = SharedSpark.newDirectory("registry");
    root = dir.resolve("registry").toString();
    Publisher publisher = new Publisher(SPARK, root);
    for (int i = 0; i < 3; i++) {
      publisher.publish(PublisherTest.request(dir.resolve("c" + i), "acme", PublisherTest.PASSED));
    }

    registry = new Registry(SPARK, root);
  }

  private static List<String> statuses(RegistryState state) {
    return state.versions(ACME).stream()
        .map(v -> "v" + v.version() + "=" + v.status().label())
        .toList();
  }

  @Test
  void promoteRollbackHistoryTimeTravelAndTheFeed() {
    JsonNode firstPoll = registry.feed(0);
    assertThat(SchemaValidator.feed().problems(firstPoll)).isEmpty();
    assertThat(Feeds.seqs(firstPoll)).containsExactly(1L, 2L, 3L);
    assertThat(firstPoll.at("/models/0/production").isNull()).isTrue();
    long beforePromotions = registry.indexVersion();

    RegistryEvent promoted = registry.promote(ACME, 1, "alice", "first release");
    registry.promote(ACME, 3, "alice", "better pr_auc on all folds");
    RegistryEvent rolledBack = registry.rollback(ACME, "bob", "block rate doubled overnight");

    assertThat(promoted.kind()).isEqualTo(EventKind.PROMOTED);
    assertThat(rolledBack.version()).isEqualTo(1);
    assertThat(rolledBack.previous()).isEqualTo(3);
    assertThat(statuses(registry.state()))
        .containsExactly("v1=production", "v2=published", "v3=archived");
    VersionEntry v3 = registry.list(ACME).get(2);
    assertThat(v3.actor()).isEqualTo("bob");
    assertThat(v3.reason()).isEqualTo("block rate doubled overnight");

    // every past state stays readable, and stays so: the log is kept ~100 years, not Delta's 30
    // days
    org.apache.spark.sql.Row detail =
        SPARK.sql("DESCRIBE DETAIL delta.`" + root + "/index`").first();
    assertThat(detail.<String, String>getJavaMap(detail.fieldIndex("properties")))
        .containsEntry("delta.logRetentionDuration", RegistryTable.RETENTION);
    assertThat(statuses(registry.stateAt(beforePromotions)))
        .containsExactly("v1=published", "v2=published", "v3=published");
    assertThat(statuses(registry.stateAt(beforePromotions + 2)))
        .containsExactly("v1=published", "v2=published", "v3=production");
    assertThat(registry.history())
        .extracting(io.micromodels.registry.IndexReads.IndexVersion::version)
        .contains(
            beforePromotions, beforePromotions + 1, beforePromotions + 2, beforePromotions + 3);
    assertThat(
            registry.show(registry.stateAt(beforePromotions + 2), ACME, 3).entry().status().label())
        .isEqualTo("production");
    assertThat(registry.show(ACME, 3).history())
        .extracting(RegistryEvent::kind)
        .containsExactly(EventKind.PUBLISHED, EventKind.PROMOTED, EventKind.ROLLED_BACK);

    // the next poll sees exactly the events committed since the first
    JsonNode secondPoll = registry.feed(firstPoll.at("/cursor/next").asLong());
    assertThat(Feeds.seqs(secondPoll)).containsExactly(4L, 5L, 6L);
    assertThat(secondPoll.at("/events/2/kind").asText()).isEqualTo("rolled_back");
    assertThat(secondPoll.at("/events/2/actor").asText()).isEqualTo("bob");
    assertThat(secondPoll.at("/models/0/production/version").asInt()).isEqualTo(1);
    assertThat(secondPoll.at("/models/0/production/manifest_sha256").asText())
        .isEqualTo(registry.list(ACME).get(0).manifestSha256());
    JsonNode thirdPoll = registry.feed(secondPoll.at("/cursor/next").asLong());
    assertThat(Feeds.seqs(thirdPoll)).isEmpty();
  }

  @Test
  void anIndexWhoseCreatorHasNotCommittedReadsAsEmptyAndAPublishSaysWhatToDo()
      throws java.io.IOException {
    // What a creator leaves between making the log folder and its first commit, or on dying.
    Path dir = SharedSpark.newDirectory("half-created");
    String halfRoot = dir.resolve("registry").toString();
    Path log = java.nio.file.Files.createDirectories(dir.resolve("registry/index/_delta_log"));
    Registry half = new Registry(SPARK, halfRoot);
    Publisher publisher = new Publisher(SPARK, halfRoot);

    assertThat(half.list(ACME)).isEmpty();
    assertThat(half.history()).isEmpty();
    assertThatThrownBy(
            () ->
                publisher.publish(
                    PublisherTest.request(dir.resolve("c"), "acme", PublisherTest.PASSED)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("_delta_log/ folder holds no commit")
        .hasMessageContaining(halfRoot + "/index/_delta_log and publish again");
    java.nio.file.Files.delete(log);
    publisher.publish(PublisherTest.request(dir.resolve("d"), "acme", PublisherTest.PASSED));
    assertThat(half.list(ACME)).extracting(VersionEntry::version).containsExactly(1);
  }

  @Test
  void anUnknownIndexVersionOrRegistryVersionIsNamed() {
    assertThatThrownBy(() -> registry.stateAt(999))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("The registry index has no version 999; it has 0..");
    assertThatThrownBy(() -> registry.promote(ACME, 9, "alice", "x"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("Model micromodels.acme.fraud has no version 9");
  }
}
