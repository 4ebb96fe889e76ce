package io.micromodels.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micromodels.features.ConfigException;
import io.micromodels.features.spark.SparkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts. Precedence: command line, then the platform config file, then
 * the defaults (local Spark, {@code ./warehouse}).
 */
public final class GlobalOptions {
  private static final Set<String> CONFIG_KEYS = Set.of("master", "warehouse", "spark");

  @Option(
      names = "--master",
      scope = ScopeType.INHERIT,
      description = "Spark master URL (default: local[*], or `master` in --config).")
  String master;

  @Option(
      names = "--warehouse",
      scope = ScopeType.INHERIT,
      description = "Root path or URI of the Delta tables (default: ./warehouse).")
  String warehouse;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      description = "Platform config YAML with keys master, warehouse and spark (a map of Spark conf).")
  Path config;

  /** Resolves the settings; a bad config file fails with a message naming file and key. */
  public SparkSettings sparkSettings() {
    SparkSettings settings = config == null ? SparkSettings.defaults() : readConfig(config);
    if (master != null) {
      settings = settings.withMaster(master);
    }

    if (warehouse != null) {
      settings = settings.withWarehouse(warehouse);
    }

    return settings;
  }

  static SparkSettings readConfig(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("Cannot read platform config " + file + ": " + e.getMessage(), e);
    }

    if (root == null || !root.isObject()) {
      throw new ConfigException(
          "Platform config " + file + " must be a YAML mapping with keys " + CONFIG_KEYS + ".");
    }

    root.fieldNames()
        .forEachRemaining(
            key -> {
              if (!CONFIG_KEYS.contains(key)) {
                throw new ConfigException(
                    "Platform config " + file + ": unknown key `" + key + "`; expected one of "
                        + CONFIG_KEYS + ".");
              }
            });
    Map<String, String> conf = new LinkedHashMap<>();
    JsonNode spark = root.path("spark");
    if (!spark.isMissingNode()) {
      if (!spark.isObject()) {
        throw new ConfigException(
            "Platform config " + file + ": key `spark` must be a mapping of Spark conf keys to values.");
      }

      spark.fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
    }

    return new SparkSettings(
        text(root, "master", SparkSettings.DEFAULT_MASTER, file),
        text(root, "warehouse", SparkSettings.DEFAULT_WAREHOUSE, file),
        conf);
  }

  private static String text(JsonNode root, String key, String fallback, Path file) {
    JsonNode node = root.path(key);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }

    if (!node.isTextual()) {
      throw new ConfigException(
          "Platform config " + file + ": key `" + key + "` must be a string, found " + node + ".");
    }

    return node.asText();
  }
}
