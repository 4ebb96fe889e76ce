package io.micromodels.jobs.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the JVMs of a test deployment share, all under one temporary {@code root}: a stand-in {@code
 * SPARK_HOME} with an empty {@code jars/} (the worker's launcher adds {@code jars/*} to an
 * executor's classpath and fails when the folder is missing; the real classpath comes from {@code
 * spark.executor.extraClassPath}), an empty {@code conf/} (no {@code spark-defaults.conf} of the
 * machine leaks in), Spark's scratch space, {@code java.io.tmpdir}, the logging config, and
 * 127.0.0.1 for every bind.
 */
public record SparkEnvironment(Path root) {
  /** Creates the folders under {@code root}. */
  public static SparkEnvironment create(Path root) {
    try {
      Files.createDirectories(root.resolve("spark-home/jars"));
      Files.createDirectories(root.resolve("spark-home/conf"));
      Files.createDirectories(root.resolve("local"));
      Files.createDirectories(root.resolve("tmp"));
      try (InputStream log =
          SparkEnvironment.class.getResourceAsStream("/cluster-log4j2.properties")) {
        Files.copy(log, root.resolve("log4j2.properties"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return new SparkEnvironment(root);
  }

  /** The environment of every JVM: Spark's launcher reads these, not system properties. */
  public Map<String, String> env() {
    return Map.of(
        "SPARK_HOME", root.resolve("spark-home").toString(),
        "SPARK_CONF_DIR", root.resolve("spark-home/conf").toString(),
        // the launcher guesses the Scala version from a Spark build tree, which there is not
        "SPARK_SCALA_VERSION", "2.12",
        "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_LOCAL_DIRS", root.resolve("local").toString());
  }

  /**
   * JVM options of every JVM: its temporary files and logging, and C1 only: on a 2-core box that
   * several JVMs share, C2's compile threads cost more than their code saves in a run of a few
   * minutes (Java's floating point is strict: results do not depend on the compiler).
   */
  public List<String> jvmOptions() {
    return List.of(
        "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + root.resolve("tmp"),
        "-Dlog4j2.configurationFile=" + root.resolve("log4j2.properties"));
  }
}
