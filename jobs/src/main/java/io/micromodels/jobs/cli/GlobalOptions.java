package io.micromodels.jobs.cli;

import io.micromodels.features.config.PlatformConfigLoader;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.spark.StageProgress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts. Precedence: command line, then the platform config file, then the
 * defaults (local Spark, {@code ./warehouse}).
 */
public final class GlobalOptions {
  private static final String EXTRA_LISTENERS = "spark.extraListeners";

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
      description =
          "Platform config YAML with keys master, warehouse and spark (a map of Spark conf).")
  Path config;

  @Option(
      names = "--quiet",
      scope = ScopeType.INHERIT,
      description =
          "No progress lines (default: a line per Spark stage on stderr, refreshed each"
              + " second on a terminal, once a minute otherwise).")
  boolean quiet;

  /** Resolves the settings; a bad config file fails with a message naming file and key. */
  public SparkSettings sparkSettings() {
    SparkSettings settings = configured();
    Map<String, String> conf = new LinkedHashMap<>(settings.conf());
    conf.putIfAbsent(
        StageProgress.MODE, quiet ? "off" : System.console() != null ? "terminal" : "minute");
    String listeners = conf.get(EXTRA_LISTENERS);
    conf.put(
        EXTRA_LISTENERS,
        listeners == null || listeners.isBlank()
            ? StageProgress.class.getName()
            : listeners + "," + StageProgress.class.getName());
    return new SparkSettings(settings.master(), settings.warehouse(), conf);
  }

  private SparkSettings configured() {
    SparkSettings settings =
        config == null
            ? SparkSettings.defaults()
            : SparkSettings.from(PlatformConfigLoader.load(config));
    if (master != null) {
      settings = settings.withMaster(master);
    }

    if (warehouse != null) {
      settings = settings.withWarehouse(warehouse);
    }

    return settings;
  }
}
