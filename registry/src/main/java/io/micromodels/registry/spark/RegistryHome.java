package io.micromodels.registry.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.registry.Checksums;
import io.micromodels.registry.ManifestBuilder;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.VersionEntry;
import io.micromodels.training.artifact.ModelFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** What publish and the registry operations share: the files, the layout and the index table. */
record RegistryHome(ArtifactStore store, RegistryLayout layout, RegistryTable index) {
  private static final ObjectMapper MANIFEST_READER = new ObjectMapper();

  /** The registry under a root path or URI, in Hadoop's qualified spelling. */
  static RegistryHome open(SparkSession spark, String registryRoot) {
    ArtifactStore store = new ArtifactStore(spark);
    RegistryLayout layout = new RegistryLayout(store.qualify(registryRoot));
    return new RegistryHome(store, layout, new RegistryTable(spark, layout.index()));
  }

  /** The registry's files and layout for reading, without Spark: no index writer. */
  static RegistryHome readOnly(Configuration conf, String registryRoot) {
    ArtifactStore store = new ArtifactStore(conf);
    return new RegistryHome(store, new RegistryLayout(store.qualify(registryRoot)), null);
  }

  /** The index writer; a read-only home has none. */
  RegistryTable writer() {
    if (index == null) {
      throw new IllegalStateException("this registry was opened read-only");
    }

    return index;
  }

  /**
   * Re-reads every file a folder's SHA256SUMS lists and checks it.
   *
   * @throws io.micromodels.registry.RegistryException on the first mismatch
   */
  void verify(String folder) {
    checksums(folder);
  }

  /**
   * Checks a version along the chain the index anchors: {@code manifest.json} has the digest the
   * index recorded; every artifact the manifest lists has that digest in SHA256SUMS, the model
   * among them; every file SHA256SUMS lists matches. So neither a changed file nor a rewritten
   * SHA256SUMS passes. Each file is read once.
   *
   * @return the verified bytes of the version's {@code model.json}
   * @throws io.micromodels.registry.RegistryException naming the first damaged file
   */
  byte[] verifyVersion(VersionEntry entry) {
    String folder = entry.location();
    Map<String, byte[]> files = checksums(folder);
    byte[] manifest =
        files.containsKey(ManifestBuilder.FILE_NAME)
            ? files.get(ManifestBuilder.FILE_NAME)
            : store.read(folder + "/" + ManifestBuilder.FILE_NAME);
    Checksums.verify(folder + "/" + ManifestBuilder.FILE_NAME, entry.manifestSha256(), manifest);
    Map<String, String> listed = new TreeMap<>();
    try {
      MANIFEST_READER
          .readTree(manifest)
          .path("artifacts")
          .forEach(a -> listed.put(a.path("path").asText(), a.path("sha256").asText()));
    } catch (IOException e) {
      throw new RegistryException(folder + "/" + ManifestBuilder.FILE_NAME + " is not JSON.", e);
    }

    if (!listed.containsKey(ModelFormat.FILE_NAME)) {
      throw new RegistryException(
          folder
              + "/"
              + ManifestBuilder.FILE_NAME
              + " lists no "
              + ModelFormat.FILE_NAME
              + ": the artifact is damaged; publish it again.");
    }

    listed.forEach(
        (name, sha) -> {
          byte[] file = files.get(name);
          if (file == null || !sha.equals(Checksums.sha256(file))) {
            throw new RegistryException(
                folder
                    + "/"
                    + Checksums.FILE_NAME
                    + " disagrees with "
                    + ManifestBuilder.FILE_NAME
                    + " on "
                    + name
                    + ": the artifact is damaged; publish it"
                    + " again.");
          }
        });
    return files.get(ModelFormat.FILE_NAME);
  }

  /** Every file SHA256SUMS lists, read once and checked against its line: name to bytes. */
  private Map<String, byte[]> checksums(String folder) {
    String sums =
        new String(store.read(folder + "/" + Checksums.FILE_NAME), StandardCharsets.UTF_8);
    Map<String, byte[]> files = new TreeMap<>();
    Checksums.parse(sums)
        .forEach(
            (name, sha) -> {
              byte[] file = store.read(folder + "/" + name);
              Checksums.verify(folder + "/" + name, sha, file);
              files.put(name, file);
            });
    return files;
  }
}
