package io.micromodels.registry.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.registry.Checksums;
import io.micromodels.registry.EventKind;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.Status;
import io.micromodels.registry.VersionEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Every read of a version for production (promote, rollback, champion lookup) verifies its files
 * along the chain the index anchors, refuses a damaged version naming the file, and records the
 * refusal in the index (issue 30).
 */
class DamagedVersionTest {
  static final SparkSession SPARK = SharedSpark.session();
  static final ModelRef BOLT = ModelRef.of("bolt");

  @Test
  void promoteRollbackAndChampionLookupRefuseADamagedVersionAndRecordIt() throws IOException {
    Path dir = SharedSpark.newDirectory("damaged");
    String root = dir.resolve("registry").toString();
    Publisher publisher = new Publisher(SPARK, root);
    for (int i = 0; i < 2; i++) {
      publisher.publish(PublisherTest.request(dir.resolve("c" + i), "bolt", PublisherTest.PASSED));
    }
    Registry registry = new Registry(SPARK, root);
    registry.promote(BOLT, 1, "alice", "first release");
    registry.promote(BOLT, 2, "alice", "second release");
    Path v1 = folder(registry, 1);
    byte[] model = Files.readAllBytes(v1.resolve("model.json"));
    String sums = Files.readString(v1.resolve(Checksums.FILE_NAME));

    // A model.json changed after publishing (on a store without the local file system's .crc
    // files, such as an object store): its SHA256SUMS line no longer matches.
    byte[] tampered =
        (new String(model, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    Files.write(v1.resolve("model.json"), tampered);
    withoutCrc(v1);
    assertThatThrownBy(() -> registry.rollback(BOLT, "bob", "v2 blocks too much"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "rollback of micromodels.bolt.fraud v1 refused: Checksum mismatch" + " on ")
        .hasMessageContaining("/model.json: SHA256SUMS says ")
        .hasMessageEndingWith("The refusal is recorded in the registry index.");

    // The same change with SHA256SUMS rewritten to match: the manifest the index anchors still
    // lists the model's original digest.
    Files.writeString(
        v1.resolve(Checksums.FILE_NAME),
        sums.replace(Checksums.parse(sums).get("model.json"), Checksums.sha256(tampered)));
    assertThatThrownBy(() -> registry.promote(BOLT, 1, "carol", "back to v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("promote of micromodels.bolt.fraud v1 refused: ")
        .hasMessageContaining("SHA256SUMS disagrees with manifest.json on model.json");

    // The champion lookup of a damaged production version refuses too.
    Path v2 = folder(registry, 2);
    Files.delete(v2.resolve("model.json"));
    VersionEntry production = registry.state().production(BOLT).orElseThrow();
    assertThatThrownBy(() -> registry.modelJson(production))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "champion lookup of micromodels.bolt.fraud v2 refused: File not" + " found");

    List<RegistryEvent> refused =
        registry.state().events().stream().filter(e -> e.kind() == EventKind.REFUSED).toList();
    assertThat(refused).extracting(RegistryEvent::version).containsExactly(1, 1, 2);
    assertThat(refused)
        .extracting(RegistryEvent::actor)
        .containsExactly("bob", "carol", "micromodels");
    // Nothing changed: v2 is still production, v1 published.
    assertThat(registry.list(BOLT))
        .extracting(VersionEntry::status)
        .containsExactly(Status.PUBLISHED, Status.PRODUCTION);
    assertThat(io.micromodels.registry.SchemaValidator.feed().problems(registry.feed(0))).isEmpty();
  }

  private static void withoutCrc(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path crc : files.filter(f -> f.getFileName().toString().endsWith(".crc")).toList()) {
        Files.delete(crc);
      }
    }
  }

  private static Path folder(Registry registry, int version) {
    String location = registry.state().version(BOLT, version).orElseThrow().location();
    return Path.of(URI.create(location));
  }
}
