package io.micromodels.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.registry.testing.Candidates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestBuilderTest {
  static final RuntimeVersions RUNTIME =
      new RuntimeVersions("0.1.0", "3.5.7", "3.3.2", "17.0.9", "Linux", "amd64");
  static final List<ArtifactFile> FILES =
      List.of(
          ArtifactFile.of("model.json", new byte[] {1}),
          ArtifactFile.of("report.html", new byte[] {2}));

  static ObjectNode manifest(String client, Integer version, JsonNode metrics, Decision decision) {
    ReleaseIdentity id =
        new ReleaseIdentity(
            ModelRef.of(client),
            version,
            Instant.parse("2026-03-02T01:00:00Z"),
            "file:/w/registry/models/" + client + "/fraud/v1");
    return new ManifestBuilder()
        .build(id, Candidates.model(client), metrics, decision, RUNTIME, FILES);
  }

  static ObjectNode published(String client) {
    return manifest(client, 3, Candidates.passed(client), Decision.published("nightly"));
  }

  @Test
  void aPublishedManifestValidatesAndCarriesIdentityInMlflowTerms() {
    ObjectNode m = published("acme");

    ManifestValidator.validate(m, "test manifest");
    assertThat(m.get("registered_model_name").asText()).isEqualTo("micromodels.acme.fraud");
    assertThat(m.get("version").asInt()).isEqualTo(3);
    assertThat(m.at("/identity/spark_version").asText()).isEqualTo("3.5.7");
    assertThat(m.at("/identity/created_at").asText()).isEqualTo("2026-03-02T01:00:00Z");
    assertThat(m.at("/tags/micromodels.decision").asText()).isEqualTo("published");
    assertThat(m.at("/decision/kind").asText()).isEqualTo("published");
    assertThat(m.at("/artifacts/0/sha256").asText()).isEqualTo(Checksums.sha256(new byte[] {1}));
  }

  @Test
  void lineageNamesTheTablesAtTheirVersionsWindowsAndCounts() {
    JsonNode lineage = published("acme").get("lineage");

    assertThat(lineage.at("/inputs/0/name").asText()).isEqualTo("events");
    assertThat(lineage.at("/inputs/0/uri").asText()).isEqualTo("file:/warehouse/events");
    assertThat(lineage.at("/inputs/0/delta_version").asLong()).isEqualTo(7);
    assertThat(lineage.get("config_hash").asText()).startsWith("3c73acd7");
    assertThat(lineage.at("/test_windows/1/start").asText()).isEqualTo("2026-02-21T00:00:00Z");
    assertThat(lineage.at("/rows/test").asLong()).isEqualTo(1200);
    assertThat(lineage.at("/fraud_labels/test").asLong()).isEqualTo(36);
    assertThat(lineage.at("/rows/training").asLong())
        .isEqualTo(Candidates.model("acme").training().rows());
  }

  @Test
  void hyperParametersRecordThePathAndTheChosenCWithItsReason() {
    JsonNode h = published("acme").get("hyperparameters");

    assertThat(h.at("/micromodels/0/name").asText()).isEqualTo("email");
    assertThat(h.at("/micromodels/0/regularisation/chosen_c").asDouble()).isEqualTo(0.03);
    assertThat(h.at("/micromodels/0/regularisation/path")).hasSize(3);
    assertThat(h.at("/micromodels/0/regularisation/reason").asText())
        .startsWith("strongest C within one standard error");
    assertThat(h.at("/combiner/regularisation/chosen_c").asDouble()).isEqualTo(0.03);
    assertThat(h.get("calibration").asText()).isEqualTo("platt");
  }

  @Test
  void signatureListsTheRawInputsNotTheMicromodelOutputs() {
    List<String> inputs = new ArrayList<>();
    published("acme").at("/signature/inputs").forEach(i -> inputs.add(i.get("name").asText()));

    assertThat(inputs)
        .contains("email", "item_names", "amount", "customer.order_count_1h", "time.night")
        .noneMatch(n -> n.startsWith("micromodel."));
  }

  @Test
  void metricsChampionComparisonAndGateChecksComeFromTheBacktest() {
    ObjectNode m = published("acme");

    assertThat(m.at("/metrics/folds")).hasSize(2);
    assertThat(m.at("/metrics/folds/1/candidate/pr_auc").asDouble()).isEqualTo(0.43);
    assertThat(m.at("/metrics/aggregated/candidate/pr_auc").asDouble()).isEqualTo(0.42);
    assertThat(m.at("/champion_comparison/has_champion").asBoolean()).isTrue();
    assertThat(m.at("/champion_comparison/champion/pr_auc").asDouble()).isEqualTo(0.38);
    assertThat(m.at("/gate/checks/1/name").asText()).isEqualTo("pr_auc_vs_champion");
    assertThat(m.at("/gate/checks/1/threshold").asDouble()).isEqualTo(0.37);
  }

  @Test
  void aBlockedCandidateHasNoVersionAndItsReasons() {
    Decision blocked = Decision.blocked(List.of("pr_auc 0.300 < champion"), "nightly");
    ObjectNode m = manifest("acme", null, Candidates.blocked("acme"), blocked);

    ManifestValidator.validate(m, "blocked manifest");
    assertThat(m.get("version").isNull()).isTrue();
    assertThat(m.at("/decision/failed_checks/0").asText()).isEqualTo("pr_auc 0.300 < champion");
    assertThat(m.at("/gate/passed").asBoolean()).isFalse();
  }

  @Test
  void aForcedReleaseRecordsThePersonAndTheirReason() {
    Decision forced =
        Decision.blocked(List.of("pr_auc low"), "nightly")
            .force("alice", "champion is broken, this one is better than nothing");
    ObjectNode m = manifest("acme", 4, Candidates.blocked("acme"), forced);

    ManifestValidator.validate(m, "forced manifest");
    assertThat(m.at("/decision/kind").asText()).isEqualTo("forced");
    assertThat(m.at("/decision/actor").asText()).isEqualTo("alice");
    assertThat(m.at("/decision/reason").asText())
        .isEqualTo("forced by alice: champion is broken, this one is better than nothing");
  }

  @Test
  void credentialsInLineageAreRedacted() {
    ObjectNode metrics = Candidates.passed("acme");
    ObjectNode facts = (ObjectNode) metrics.get("lineage");
    facts.put("events table", "s3a://AKIAABCDEFGHIJKLMNOP:s3cr3t@bucket/events @ version 9");
    facts.put("jdbc", "jdbc:postgresql://db/x?user=app&password=hunter2");
    facts.put("api token", "abc123");
    ObjectNode m = manifest("acme", 1, metrics, Decision.published("nightly"));

    ManifestValidator.validate(m, "manifest");
    String text = m.toString();
    assertThat(text).doesNotContain("hunter2", "s3cr3t", "AKIAABCDEFGHIJKLMNOP", "abc123");
    assertThat(m.at("/lineage/inputs/0/uri").asText()).isEqualTo("s3a://bucket/events");
    assertThat(m.at("/lineage/facts/jdbc").asText()).endsWith("password=[redacted]");
  }

  @Test
  void aModelOfAnotherClientIsRefused() {
    assertThatThrownBy(
            () -> manifest("acme", 1, Candidates.passed("other"), Decision.published("nightly")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("model.json is of client acme and metrics.json of other");
  }
}
