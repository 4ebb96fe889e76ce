package io.micromodels.jobs.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The machine a benchmark ran on, recorded beside its figures. */
public final class MachineFacts {
  private MachineFacts() {}

  public static Map<String, Object> current(String sparkVersion) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memory_bytes", totalMemory());
    machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("java", System.getProperty("java.version"));
    machine.put("spark", sparkVersion);
    return machine;
  }

  /** The Spark settings that shape a benchmark's times, recorded beside its figures. */
  public static Map<String, Object> sparkConf(SparkSession spark) {
    return Map.of(
        "master",
        spark.sparkContext().master(),
        "spark.sql.shuffle.partitions",
        spark.conf().get("spark.sql.shuffle.partitions"));
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }

    return -1;
  }
}
