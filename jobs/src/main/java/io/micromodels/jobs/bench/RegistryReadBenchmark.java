package io.micromodels.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench registry}: a registry read as an operator or an Airflow sensor makes it, each in a
 * fresh JVM, so the wall time includes everything a {@code registry list} pays: the Spark reader
 * (start a local Spark, read the index) against the Delta Kernel reader the read-only commands use,
 * alternated, on the same warehouse. Each run prints what it read; both must agree.
 */
public final class RegistryReadBenchmark {
  /** The Kernel reader with the launcher's flags for the read-only commands. */
  private static final String LAUNCHER = "kernel_c1_cds";

  private final String registryRoot;
  private final int repeats;

  public RegistryReadBenchmark(String registryRoot, int repeats) {
    this.registryRoot = registryRoot;
    this.repeats = repeats;
  }

  public Map<String, Object> run() throws IOException, InterruptedException {
    // The launcher's flags for the read-only commands (bin/micromodels): C1 only, and a
    // class-data-sharing archive of the jar that their first run writes.
    Path archive = Files.createTempDirectory("micromodels-cds").resolve("registry.jsa");
    probe(RegistryReadProbe.KERNEL, List.of("-XX:ArchiveClassesAtExit=" + archive));
    Map<String, List<String>> flags = new LinkedHashMap<>();
    flags.put(RegistryReadProbe.SPARK, List.of());
    flags.put(RegistryReadProbe.KERNEL, List.of());
    flags.put(LAUNCHER, List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive));
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, String> reads = new LinkedHashMap<>();
    for (int i = 0; i < repeats; i++) {
      for (Map.Entry<String, List<String>> run : flags.entrySet()) {
        String reader = run.getKey().equals(LAUNCHER) ? RegistryReadProbe.KERNEL : run.getKey();
        long start = System.nanoTime();
        String read = probe(reader, run.getValue());
        seconds
            .computeIfAbsent(run.getKey(), p -> new ArrayList<>())
            .add((System.nanoTime() - start) / 1e9);
        reads.putIfAbsent(run.getKey(), read);
        if (!reads.get(run.getKey()).equals(read)) {
          throw new IllegalStateException(run.getKey() + " read differently between runs");
        }
      }
    }

    if (reads.values().stream().distinct().count() != 1) {
      throw new IllegalStateException("the readers disagree: " + reads);
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put(
        "benchmark",
        "registry reads: a fresh JVM reads the registry index (state and"
            + " history), with Spark vs with Delta Kernel, plain and with the launcher's flags for"
            + " the read-only commands (C1 only, class-data-sharing archive)");
    result.put("registry", registryRoot);
    result.put("read", reads.get(RegistryReadProbe.KERNEL));
    result.put("repeats", repeats);
    seconds.forEach((path, s) -> result.put(path + "_wall_seconds", s));
    double spark = median(seconds.get(RegistryReadProbe.SPARK));
    double kernel = median(seconds.get(RegistryReadProbe.KERNEL));
    double launcher = median(seconds.get(LAUNCHER));
    result.put("spark_median_seconds", spark);
    result.put("kernel_median_seconds", kernel);
    result.put("kernel_c1_cds_median_seconds", launcher);
    result.put("speedup_kernel", spark / kernel);
    result.put("speedup_kernel_c1_cds", spark / launcher);
    result.put("machine", MachineFacts.current(org.apache.spark.package$.MODULE$.SPARK_VERSION()));
    return result;
  }

  private String probe(String path, List<String> flags) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
    command.addAll(flags);
    command.addAll(
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(
                a ->
                    a.startsWith("--add-opens")
                        || a.startsWith("-Dlog4j")
                        || a.startsWith("-Djdk.reflect"))
            .toList());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RegistryReadProbe.class.getName(),
            path,
            registryRoot));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(path + " probe failed: " + out);
    }

    return out.lines()
        .filter(l -> l.startsWith(RegistryReadProbe.READ))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(path + " probe printed nothing: " + out));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
