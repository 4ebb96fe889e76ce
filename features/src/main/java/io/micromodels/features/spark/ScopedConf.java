package io.micromodels.features.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Session settings that hold for one piece of work and are then put back as they were (unset if
 * they were unset), so a job's tuning does not leak into the next job of the same session.
 */
final class ScopedConf implements AutoCloseable {
  private final SparkSession spark;
  private final Map<String, String> previous = new HashMap<>();

  private ScopedConf(SparkSession spark) {
    this.spark = spark;
  }

  static ScopedConf set(SparkSession spark, Map<String, String> conf) {
    ScopedConf scoped = new ScopedConf(spark);
    conf.forEach(
        (key, value) -> {
          scoped.previous.put(key, spark.conf().getOption(key).getOrElse(() -> null));
          spark.conf().set(key, value);
        });
    return scoped;
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            spark.conf().unset(key);
          } else {
            spark.conf().set(key, value);
          }
        });
  }
}
