package io.micromodels.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench registry}: a registry read as an operator or an Airflow sensor makes it, each in a
 * fresh JVM, so the wall time includes everything a {@code registry list} pays: the Spark reader
 * (start a local Spark, read the index) against the Delta Kernel reader the read-only commands
 * use, alternated, on the same warehouse. Each run prints what it read; both must agree.
 */
public final class RegistryReadBenchmark {
  private final String registryRoot;
  private final int repeats;

  public RegistryReadBenchmark(String registryRoot, int repeats) {
    this.registryRoot = registryRoot;
    this.repeats = repeats;
  }

  public Map<String, Object> run() throws IOException, InterruptedException {
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, String> reads = new LinkedHashMap<>();
    for (int i = 0; i < repeats; i++) {
      for (String path : List.of(RegistryReadProbe.SPARK, RegistryReadProbe.KERNEL)) {
        long start = System.nanoTime();
        String read = probe(path);
        seconds.computeIfAbsent(path, p -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
        String earlier = reads.putIfAbsent(path, read);
        if (earlier != null && !earlier.equals(read)) {
          throw new IllegalStateException(path + " read differently between runs");
        }
      }
    }

    if (!reads.get(RegistryReadProbe.SPARK).equals(reads.get(RegistryReadProbe.KERNEL))) {
      throw new IllegalStateException("the readers disagree: " + reads);
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "registry reads: a fresh JVM reads the registry index (state and"
        + " history), with Spark vs with Delta Kernel");
    result.put("registry", registryRoot);
    result.put("read", reads.get(RegistryReadProbe.KERNEL));
    result.put("repeats", repeats);
    seconds.forEach((path, s) -> result.put(path + "_wall_seconds", s));
    double spark = median(seconds.get(RegistryReadProbe.SPARK));
    double kernel = median(seconds.get(RegistryReadProbe.KERNEL));
    result.put("spark_median_seconds", spark);
    result.put("kernel_median_seconds", kernel);
    result.put("speedup", spark / kernel);
    result.put("machine", MachineFacts.current(org.apache.spark.package$.MODULE$.SPARK_VERSION()));
    return result;
  }

  private String probe(String path) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dlog4j")
            || a.startsWith("-Djdk.reflect")).toList());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        RegistryReadProbe.class.getName(), path, registryRoot));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(path + " probe failed: " + out);
    }

    return out.lines().filter(l -> l.startsWith(RegistryReadProbe.READ)).findFirst()
        .orElseThrow(() -> new IllegalStateException(path + " probe printed nothing: " + out));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
