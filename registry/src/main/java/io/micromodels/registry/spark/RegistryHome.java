package io.micromodels.registry.spark;

import io.micromodels.registry.Checksums;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/** What publish and the registry operations share: the files, the layout and the index table. */
record RegistryHome(ArtifactStore store, RegistryLayout layout, RegistryTable index) {
  /** The registry under a root path or URI, in Hadoop's qualified spelling. */
  static RegistryHome open(SparkSession spark, String registryRoot) {
    ArtifactStore store = new ArtifactStore(spark);
    RegistryLayout layout = new RegistryLayout(store.qualify(registryRoot));
    return new RegistryHome(store, layout, new RegistryTable(spark, layout.index()));
  }

  /**
   * Re-reads every file a folder's SHA256SUMS lists and checks it.
   *
   * @throws io.micromodels.registry.RegistryException on the first mismatch
   */
  void verify(String folder) {
    String sums = new String(store.read(folder + "/" + Checksums.FILE_NAME),
        StandardCharsets.UTF_8);
    Checksums.parse(sums).forEach((name, sha) -> Checksums.verify(folder + "/" + name, sha,
        store.read(folder + "/" + name)));
  }
}
