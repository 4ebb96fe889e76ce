package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.Checksums;
import io.micromodels.registry.Decision;
import io.micromodels.registry.EventKind;
import io.micromodels.registry.ManifestValidator;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.Status;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.testing.Candidates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class PublisherTest {
  static final SparkSession SPARK = SharedSpark.session();
  static final Decision PASSED = Decision.published("nightly");

  static PublishRequest request(Path dir, String client, Decision decision) {
    Candidates.CandidateFiles files =
        Candidates.write(
            dir,
            client,
            decision.kind() == Decision.Kind.PUBLISHED
                ? Candidates.passed(client)
                : Candidates.blocked(client));
    return new PublishRequest(
        ModelRef.of(client), files.modelJson().toString(), files.backtest().toString(), decision);
  }

  @Test
  void aPublishedVersionIsCompleteAndInTheIndex() throws Exception {
    Path dir = SharedSpark.newDirectory("publish");
    String root = dir.resolve("registry").toString();
    PublishRequest request = request(dir, "acme", PASSED);

    RegistryEvent event = new Publisher(SPARK, root).publish(request);

    assertThat(event.version()).isEqualTo(1);
    assertThat(event.kind()).isEqualTo(EventKind.PUBLISHED);
    Registry registry = new Registry(SPARK, root);
    VersionEntry v1 = registry.list(ModelRef.of("acme")).get(0);
    assertThat(v1.status()).isEqualTo(Status.PUBLISHED);
    assertThat(v1.location()).matches("file:.*/registry/models/acme/fraud/v1-[0-9a-f-]{36}");
    Path folder = Path.of(java.net.URI.create(v1.location()));
    Map<String, String> sums = Checksums.parse(Files.readString(folder.resolve("SHA256SUMS")));
    assertThat(sums)
        .containsOnlyKeys("model.json", "report.html", "scores.csv.gz", "manifest.json");
    assertThat(sums.get("manifest.json")).isEqualTo(v1.manifestSha256());
    assertThat(Files.readAllBytes(folder.resolve("model.json")))
        .isEqualTo(Files.readAllBytes(Path.of(request.modelJson())));
    registry.verify(v1);
    JsonNode manifest = registry.show(ModelRef.of("acme"), 1).manifest();
    ManifestValidator.validate(manifest, "read back");
    assertThat(manifest.get("version").asInt()).isEqualTo(1);
    assertThat(manifest.get("source").asText()).isEqualTo(v1.location());
    assertThat(manifest.at("/identity/spark_version").asText()).isEqualTo(SPARK.version());
    assertThat(manifest.at("/identity/delta_version").asText()).isEqualTo("3.3.2");
    assertThat(Files.list(dir.resolve("registry/staging"))).isEmpty();
  }

  @Test
  void publishingTheSameCandidateAgainReturnsItsVersion() {
    Path dir = SharedSpark.newDirectory("retry");
    String root = dir.resolve("registry").toString();
    PublishRequest request = request(dir, "acme", PASSED);
    Publisher publisher = new Publisher(SPARK, root);

    RegistryEvent first = publisher.publish(request);
    RegistryEvent retried = publisher.publish(request);

    assertThat(retried).isEqualTo(first);
    assertThat(new Registry(SPARK, root).state().events()).containsExactly(first);
  }

  @Test
  void aBlockedCandidateIsRecordedWithItsReasonsButGetsNoVersion() {
    Path dir = SharedSpark.newDirectory("blocked");
    String root = dir.resolve("registry").toString();
    Decision blocked =
        Decision.blocked(List.of("pr_auc 0.300 < champion 0.380 - 0.010"), "nightly");

    RegistryEvent event = new Publisher(SPARK, root).publish(request(dir, "acme", blocked));
    RegistryEvent next = new Publisher(SPARK, root).publish(request(dir, "acme", PASSED));

    assertThat(event.kind()).isEqualTo(EventKind.BLOCKED);
    assertThat(event.version()).isNull();
    assertThat(event.status()).isEqualTo(Status.CANDIDATE);
    assertThat(event.reason())
        .isEqualTo("blocked by the gate: pr_auc 0.300 < champion 0.380" + " - 0.010");
    assertThat(event.location()).contains("/models/acme/fraud/blocked-");
    assertThat(next.version()).isEqualTo(1);
    Registry registry = new Registry(SPARK, root);
    assertThat(registry.state().blocked(ModelRef.of("acme"))).containsExactly(event);
    assertThat(registry.list(ModelRef.of("acme")))
        .extracting(VersionEntry::version)
        .containsExactly(1);
  }

  @Test
  void aForcedCandidateIsPublishedRecordingThePerson() {
    Path dir = SharedSpark.newDirectory("forced");
    String root = dir.resolve("registry").toString();
    Decision forced =
        Decision.blocked(List.of("pr_auc low"), "nightly")
            .force("alice", "known label outage in the test window");

    RegistryEvent event = new Publisher(SPARK, root).publish(request(dir, "acme", forced));

    assertThat(event.version()).isEqualTo(1);
    assertThat(event.actor()).isEqualTo("alice");
    JsonNode manifest = new Registry(SPARK, root).show(ModelRef.of("acme"), 1).manifest();
    assertThat(manifest.at("/decision/kind").asText()).isEqualTo("forced");
    assertThat(manifest.at("/decision/reason").asText())
        .isEqualTo("forced by alice: known label outage in the test window");
  }

  @Test
  void twoConcurrentPublishesGetDistinctCompleteVersions() throws Exception {
    Path dir = SharedSpark.newDirectory("race");
    String root = dir.resolve("registry").toString();
    PublishRequest first = request(dir.resolve("a"), "acme", PASSED);
    PublishRequest second = request(dir.resolve("b"), "acme", PASSED);
    new Publisher(SPARK, root).publish(request(dir.resolve("c"), "other", PASSED)); // table exists
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<RegistryEvent> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return new Publisher(SPARK, root).publish(first);
            });
    CompletableFuture<RegistryEvent> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return new Publisher(SPARK, root).publish(second);
            });
    start.countDown();

    List<Integer> versions =
        List.of(a.get(120, TimeUnit.SECONDS).version(), b.get(120, TimeUnit.SECONDS).version());
    assertThat(versions).containsExactlyInAnyOrder(1, 2);
    Registry registry = new Registry(SPARK, root);
    List<VersionEntry> listed = registry.list(ModelRef.of("acme"));
    assertThat(listed).extracting(VersionEntry::version).containsExactly(1, 2);
    for (VersionEntry v : listed) {
      registry.verify(v);
      assertThat(registry.show(ModelRef.of("acme"), v.version()).manifest().get("version").asInt())
          .isEqualTo(v.version());
    }

    assertThat(registry.state().events())
        .extracting(RegistryEvent::seq)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void aBatchIsOneIndexCommitAndACandidateWithBadInputFailsAlone() throws Exception {
    Path dir = SharedSpark.newDirectory("batch");
    String root = dir.resolve("registry").toString();
    Publisher publisher = new Publisher(SPARK, root);
    publisher.publish(request(dir.resolve("0"), "other", PASSED)); // seq 1
    Registry registry = new Registry(SPARK, root);
    long before = registry.indexVersion();
    PublishRequest broken = request(dir.resolve("b"), "broken", PASSED);
    Files.delete(Path.of(broken.backtest()).resolve("report.html"));
    ModelRef acme = ModelRef.of("acme");

    List<Publisher.Published> batch =
        publisher.publishAll(
            List.of(
                request(dir.resolve("a1"), "acme", PASSED),
                broken,
                request(
                    dir.resolve("z"), "zeta", Decision.blocked(List.of("pr_auc low"), "nightly")),
                request(dir.resolve("a2"), "acme", PASSED)));

    assertThat(registry.indexVersion()).as("one commit").isEqualTo(before + 1);
    assertThat(batch)
        .extracting(p -> p.event() == null ? null : p.event().version())
        .containsExactly(1, null, null, 2);
    assertThat(batch.get(1).failure()).hasMessageContaining("report.html not found");
    assertThat(batch.get(2).event().kind()).isEqualTo(EventKind.BLOCKED);
    assertThat(registry.state().events())
        .extracting(RegistryEvent::seq)
        .containsExactly(1L, 2L, 3L, 4L);
    for (VersionEntry v : registry.list(acme)) {
      registry.verify(v);
    }

    List<Registry.Promoted> promoted =
        registry.promoteAll(
            List.of(
                new Registry.Promotion(acme, 2, "gate passed"),
                new Registry.Promotion(ModelRef.of("other"), 1, "gate passed"),
                new Registry.Promotion(acme, 7, "no such version")),
            "nightly");

    assertThat(registry.indexVersion()).as("one more commit").isEqualTo(before + 2);
    assertThat(promoted).extracting(p -> p.event() != null).containsExactly(true, true, false);
    assertThat(promoted.get(2).failure()).hasMessageContaining("no version 7");
    assertThat(registry.state().production(acme)).map(VersionEntry::version).hasValue(2);
    assertThat(registry.state().production(ModelRef.of("other")))
        .map(VersionEntry::version)
        .hasValue(1);
  }

  @Test
  void twoConcurrentBatchesAreEachCommittedWhole() throws Exception {
    Path dir = SharedSpark.newDirectory("batch-race");
    String root = dir.resolve("registry").toString();
    new Publisher(SPARK, root).publish(request(dir.resolve("c"), "other", PASSED)); // table exists
    List<PublishRequest> first =
        List.of(
            request(dir.resolve("a1"), "acme", PASSED), request(dir.resolve("b1"), "beta", PASSED));
    List<PublishRequest> second =
        List.of(
            request(dir.resolve("a2"), "acme", PASSED), request(dir.resolve("b2"), "beta", PASSED));
    CountDownLatch start = new CountDownLatch(1);

    CompletableFuture<List<Publisher.Published>> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return new Publisher(SPARK, root).publishAll(first);
            });
    CompletableFuture<List<Publisher.Published>> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return new Publisher(SPARK, root).publishAll(second);
            });
    start.countDown();

    List<Publisher.Published> firstDone = a.get(180, TimeUnit.SECONDS);
    List<Publisher.Published> secondDone = b.get(180, TimeUnit.SECONDS);
    // the batch that won has v1 of both clients, the other v2 of both: never one of each
    int acmeOfFirst = firstDone.get(0).event().version();
    assertThat(firstDone.get(1).event().version()).isEqualTo(acmeOfFirst);
    assertThat(secondDone)
        .extracting(p -> p.event().version())
        .containsExactly(3 - acmeOfFirst, 3 - acmeOfFirst);
    Registry registry = new Registry(SPARK, root);
    assertThat(registry.state().events())
        .extracting(RegistryEvent::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    for (String client : List.of("acme", "beta")) {
      for (VersionEntry v : registry.list(ModelRef.of(client))) {
        registry.verify(v);
      }
    }
  }

  @Test
  void theDecisionFollowsTheBacktestsGate() throws Exception {
    Path dir = SharedSpark.newDirectory("decide");
    Publisher publisher = new Publisher(SPARK, dir.resolve("registry").toString());
    Path passed = Candidates.write(dir.resolve("p"), "acme", Candidates.passed("acme")).backtest();
    Path blocked =
        Candidates.write(dir.resolve("b"), "acme", Candidates.blocked("acme")).backtest();

    assertThat(publisher.decide(passed.toString(), "nightly")).isEqualTo(PASSED);
    assertThat(publisher.decide(blocked.toString(), "nightly"))
        .isEqualTo(Decision.blocked(List.of("pr_auc 0.300 < champion 0.380 - 0.010"), "nightly"));
    Files.writeString(passed.resolve("metrics.json"), "{\"client_id\": \"acme\"}");
    assertThatThrownBy(() -> publisher.decide(passed.toString(), "nightly"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            passed
                + "/metrics.json has no gate.passed: is it a micromodels backtest?"
                + " Run `micromodels backtest`.");
  }

  @Test
  void aMissingBacktestFileIsNamed() throws Exception {
    Path dir = SharedSpark.newDirectory("missing");
    PublishRequest request = request(dir, "acme", PASSED);
    Files.delete(Path.of(request.backtest()).resolve("report.html"));

    assertThatThrownBy(
            () -> new Publisher(SPARK, dir.resolve("registry").toString()).publish(request))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "Cannot publish: the backtest's report.html not found at "
                + request.backtest()
                + "/report.html.");
  }

  @Test
  void aCandidateThatIsNotAModelIsNamed() throws Exception {
    Path dir = SharedSpark.newDirectory("not-a-model");
    PublishRequest request = request(dir, "acme", PASSED);
    Files.writeString(Path.of(request.modelJson()), "{\"format_version\": 99}");

    assertThatThrownBy(
            () -> new Publisher(SPARK, dir.resolve("registry").toString()).publish(request))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "Cannot publish "
                + request.modelJson()
                + ": "
                + request.modelJson()
                + ": expected a model.json of format_version 1, found 99.");
  }

  @Test
  void aDamagedArtifactFailsVerification() throws Exception {
    Path dir = SharedSpark.newDirectory("damaged");
    String root = dir.resolve("registry").toString();
    new Publisher(SPARK, root).publish(request(dir, "acme", PASSED));
    Registry registry = new Registry(SPARK, root);
    VersionEntry v1 = registry.list(ModelRef.of("acme")).get(0);
    Path report = Path.of(java.net.URI.create(v1.location())).resolve("report.html");
    Files.writeString(report, "tampered", StandardCharsets.UTF_8);
    Files.deleteIfExists(report.resolveSibling(".report.html.crc"));

    assertThatThrownBy(() -> registry.verify(v1))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("Checksum mismatch on " + v1.location() + "/report.html");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
