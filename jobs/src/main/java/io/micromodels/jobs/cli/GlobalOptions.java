package io.micromodels.jobs.cli;

import io.micromodels.features.config.PlatformConfigLoader;
import io.micromodels.features.spark.SparkSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts. Precedence: command line, then the platform config file, then
 * the defaults (local Spark, {@code ./warehouse}).
 */
public final class GlobalOptions {
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
    SparkSettings settings = config == null ? SparkSettings.defaults()
        : PlatformConfigLoader.load(config);
    if (master != null) {
      settings = settings.withMaster(master);
    }

    if (warehouse != null) {
      settings = settings.withWarehouse(warehouse);
    }

    return settings;
  }
}
