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
    Path v2 = folder(registry, 2);
    byte[] model = Files.readAllBytes(v2.resolve("model.json"));
    String sums = Files.readString(v2.resolve(Checksums.FILE_NAME));

    // A model.json changed after publishing, with SHA256SUMS rewritten to match (on a store
    // without the local file system's .crc files, such as an object store): the manifest the
    // index anchors still lists the model's original digest.
    byte[] tampered = (new String(model, StandardCharsets.UTF_8) + " ").getBytes(
        StandardCharsets.UTF_8);
    Files.write(v2.resolve("model.json"), tampered);
    Files.writeString(v2.resolve(Checksums.FILE_NAME), sums.replace(
        Checksums.parse(sums).get("model.json"), Checksums.sha256(tampered)));
    withoutCrc(v2);
    assertThatThrownBy(() -> registry.promote(BOLT, 2, "bob", "try v2"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("SHA256SUMS disagrees with manifest.json on model.json");

    // The same change without touching SHA256SUMS: its line no longer matches.
    Files.writeString(v2.resolve(Checksums.FILE_NAME), sums);
    assertThatThrownBy(() -> registry.promote(BOLT, 2, "alice", "try v2"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("promote of micromodels.bolt.fraud v2 refused: Checksum mismatch"
            + " on ")
        .hasMessageContaining("/model.json: SHA256SUMS says ")
        .hasMessageEndingWith("The refusal is recorded in the registry index.");

    // The champion lookup of a damaged production version refuses too.
    Path v1 = folder(registry, 1);
    Files.delete(v1.resolve("model.json"));
    VersionEntry production = registry.state().production(BOLT).orElseThrow();
    assertThatThrownBy(() -> registry.modelJson(production))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("champion lookup of micromodels.bolt.fraud v1 refused: File not"
            + " found");

    List<RegistryEvent> refused = registry.state().events().stream()
        .filter(e -> e.kind() == EventKind.REFUSED).toList();
    assertThat(refused).extracting(RegistryEvent::version).containsExactly(2, 2, 1);
    assertThat(refused).extracting(RegistryEvent::actor)
        .containsExactly("bob", "alice", "micromodels");
    // Nothing changed: v1 is still production, v2 published.
    assertThat(registry.list(BOLT)).extracting(VersionEntry::status)
        .containsExactly(Status.PRODUCTION, Status.PUBLISHED);
    assertThat(io.micromodels.registry.SchemaValidator.feed().problems(registry.feed(0)))
        .isEmpty();
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
