package io.micromodels.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.SecretFilter;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestValidatorTest {
  static Stream<Arguments> badManifests() {
    return Stream.<Arguments>of(
        bad("no decision", m -> m.remove("decision"), "decision"),
        bad("published without version", m -> m.putNull("version"), "version"),
        bad(
            "blocked with a version",
            m ->
                ((ObjectNode) m.get("decision"))
                    .put("kind", "blocked")
                    .putArray("failed_checks")
                    .add("x"),
            "version"),
        bad("unknown decision", m -> ((ObjectNode) m.get("decision")).put("kind", "maybe"), "kind"),
        bad(
            "forced without failed checks",
            m -> ((ObjectNode) m.get("decision")).put("kind", "forced"),
            "failed_checks"),
        bad(
            "gate check without threshold",
            m -> ((ObjectNode) m.at("/gate/checks/0")).remove("threshold"),
            "threshold"),
        bad(
            "bad checksum",
            m -> ((ObjectNode) m.at("/artifacts/0")).put("sha256", "abc"),
            "sha256"),
        bad("no artifacts", m -> ((ArrayNode) m.get("artifacts")).removeAll(), "artifacts"),
        bad(
            "bad created time",
            m -> ((ObjectNode) m.get("identity")).put("created_at", "yesterday"),
            "created_at"),
        bad(
            "bad registered name",
            m -> m.put("registered_model_name", "acme"),
            "registered_model_name"),
        bad("unknown top-level field", m -> m.put("extra", 1), "extra"),
        bad("non-string tag", m -> ((ObjectNode) m.get("tags")).put("n", 1), "tags"));
  }

  private static Arguments bad(String name, Consumer<ObjectNode> damage, String mentions) {
    return Arguments.of(name, damage, mentions);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badManifests")
  void aDamagedManifestIsRefusedNamingTheField(
      String name, Consumer<ObjectNode> damage, String mentions) {
    ObjectNode m = ManifestBuilderTest.published("acme");
    assertThatCode(() -> ManifestValidator.validate(m, "good")).doesNotThrowAnyException();

    damage.accept(m);

    assertThatThrownBy(() -> ManifestValidator.validate(m, "the manifest of acme v3"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("the manifest of acme v3 (manifest.schema.json) does not validate")
        .hasMessageContaining(mentions);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void aSecretAnywhereIsRefusedWithItsPath(String secret) {
    ObjectNode m = ManifestBuilderTest.published("acme");
    ((ObjectNode) m.get("tags")).put("note", secret);

    assertThatThrownBy(() -> ManifestValidator.validate(m, "the manifest"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("the manifest at $.tags.note looks like a credential");
  }

  static Stream<String> secrets() {
    return Stream.of(
        "password=hunter2",
        "https://bob:pw@host/x",
        "AKIAABCDEFGHIJKLMNOP",
        "Authorization: Bearer abcdefghijklmnop",
        "token: xyz");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notSecrets")
  void ordinaryTextIsNotMistakenForASecret(String text) {
    assertThat(SecretFilter.looksSecret(text)).isFalse();
  }

  static Stream<String> notSecrets() {
    return Stream.of(
        "file:/warehouse/events @ version 7",
        "strongest C within one standard error of the best: C=0.03 (loss 0.15479 ± 0.02066)",
        "3c73acd78f1d46e7135cdac0e51c25862631cf6ed25909e1377f01e09df77683",
        "pr_auc 0.420 >= champion 0.380 - 0.010",
        "data-samples/clients/acme.yaml");
  }
}
