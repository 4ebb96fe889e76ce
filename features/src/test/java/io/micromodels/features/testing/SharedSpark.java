package io.micromodels.features.testing;

import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM (DESIGN.md §7): two cores, four shuffle partitions,
 * Delta enabled, UI off. Tests that change a conf must restore it.
 */
public final class SharedSpark {
  private static SparkSession session;
  private static Path root;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      root = newRoot();
      SparkSettings settings =
          new SparkSettings(
              "local[2]",
              root.resolve("warehouse").toString(),
              Map.of(
                  "spark.sql.shuffle.partitions", "4",
                  "spark.default.parallelism", "4",
                  "spark.ui.enabled", "false",
                  "spark.driver.host", "127.0.0.1",
                  "spark.sql.adaptive.coalescePartitions.enabled", "true"));
      session = SparkSessions.create("micromodels-tests", settings);
      session.sparkContext().setLogLevel("WARN");
    }

    return session;
  }

  /** A fresh, empty directory for one test's tables or files. */
  public static Path newDirectory(String prefix) {
    session();
    try {
      return Files.createTempDirectory(root, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newRoot() {
    try {
      return Files.createTempDirectory("micromodels-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
