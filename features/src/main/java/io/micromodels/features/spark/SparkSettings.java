package io.micromodels.features.spark;

import io.micromodels.features.config.PlatformConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where Spark runs and where the Delta tables live.
 *
 * @param master Spark master URL, e.g. {@code local[*]} or {@code spark://host:7077}
 * @param warehouse root URI or path of the Delta tables ({@code events}, {@code quarantine}, ...)
 * @param conf extra Spark configuration, applied last
 */
public record SparkSettings(String master, String warehouse, Map<String, String> conf) {
  public static final String DEFAULT_MASTER = "local[*]";
  public static final String DEFAULT_WAREHOUSE = "warehouse";

  public SparkSettings {
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(warehouse, "warehouse");
    conf = Map.copyOf(conf);
  }

  public static SparkSettings defaults() {
    return new SparkSettings(DEFAULT_MASTER, DEFAULT_WAREHOUSE, Map.of());
  }

  /** The settings a platform config states, defaults for what it leaves out. */
  public static SparkSettings from(PlatformConfig config) {
    return new SparkSettings(
        config.master() == null ? DEFAULT_MASTER : config.master(),
        config.warehouse() == null ? DEFAULT_WAREHOUSE : config.warehouse(),
        config.spark());
  }

  /** The warehouse as an absolute URI string when it is a plain local path, unchanged otherwise. */
  public String warehouseUri() {
    if (warehouse.contains("://") || warehouse.startsWith("file:")) {
      return warehouse;
    }
    // Hadoop's spelling (file:/abs/path): Delta compares table locations as strings.
    return "file:" + Path.of(warehouse).toAbsolutePath().normalize();
  }

  /** Location of one table of the warehouse. */
  public String tablePath(String table) {
    String root = warehouseUri();
    return root.endsWith("/") ? root + table : root + "/" + table;
  }

  public SparkSettings withMaster(String newMaster) {
    return new SparkSettings(newMaster, warehouse, conf);
  }

  public SparkSettings withWarehouse(String newWarehouse) {
    return new SparkSettings(master, newWarehouse, conf);
  }
}
