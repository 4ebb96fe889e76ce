package io.micromodels.features.config;

import java.util.Map;

/**
 * The platform config file ({@code --config}) as read: {@code SparkSettings.from} turns it into the
 * Spark settings, with defaults for what it leaves out.
 *
 * @param master the Spark master, or null when not stated
 * @param warehouse the warehouse root, or null when not stated
 * @param spark Spark conf entries (storage credentials among them: never quote them whole)
 */
public record PlatformConfig(String master, String warehouse, Map<String, String> spark) {
  public PlatformConfig {
    spark = Map.copyOf(spark);
  }
}
