package io.micromodels.jobs.bench;

import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.registry.Checksums;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.spark.Registry;
import java.util.List;
import java.util.Map;

/**
 * One registry read in this JVM, for {@link RegistryReadBenchmark}: {@code spark} starts a local
 * Spark and reads with it, {@code kernel} reads with Delta Kernel as the read-only commands do.
 * Prints a line saying what it read.
 */
public final class RegistryReadProbe {
  static final String SPARK = "spark";
  static final String KERNEL = "kernel";
  static final String READ = "read: ";

  private RegistryReadProbe() {}

  public static void main(String[] args) {
    String root = args[1];
    Registry registry =
        switch (args[0]) {
          case SPARK ->
              new Registry(
                  SparkSessions.create(
                      "micromodels-registry-probe", new SparkSettings("local[2]", root, Map.of())),
                  root);
          case KERNEL -> Registry.readOnly(new org.apache.hadoop.conf.Configuration(), root);
          default -> throw new IllegalArgumentException("spark or kernel, not " + args[0]);
        };
    List<RegistryEvent> events = registry.state().events();
    int versions = registry.history().size();
    System.out.println(
        READ
            + events.size()
            + " events, "
            + versions
            + " index versions, last seq "
            + (events.isEmpty() ? 0 : events.get(events.size() - 1).seq())
            + ", events sha256 "
            + Checksums.sha256(events.toString()));
    System.exit(0);
  }
}
