package io.micromodels.jobs.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The driver JVM that {@code spark-submit --deploy-mode client} starts: Spark's {@code SparkSubmit}
 * main class on the provided classpath with the application jar as its primary resource.
 * SparkSubmit sets the {@code spark.master} system property the jobs take their master from, loads
 * the main class from the jar, and ships the jar to the executors ({@code spark.jars}). Client mode
 * because the CLI's exit code is its verdict and only reaches the caller when the driver runs in
 * the submitting process (docs/operations.md §3).
 *
 * @param heap the driver's {@code -Xmx} (what {@code --driver-memory} sets through the launcher)
 */
public record SparkSubmitDriver(
    SparkEnvironment spark, SubmitClasspath classpath, Path appJar, String mainClass, String heap) {
  /** Starts the driver; {@code conf} becomes {@code --conf key=value} pairs. */
  public JavaChild start(
      String name, String master, Map<String, String> conf, List<String> appArgs) {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseParallelGC"));
    jvm.addAll(spark.jvmOptions());
    List<String> args =
        new ArrayList<>(
            List.of(
                "--master",
                master,
                "--deploy-mode",
                "client",
                "--name",
                name,
                "--class",
                mainClass));
    conf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    args.add(appJar.toString());
    args.addAll(appArgs);
    return JavaChild.start(
        name,
        spark.root(),
        jvm,
        classpath.providedPath(),
        "org.apache.spark.deploy.SparkSubmit",
        args,
        spark.env());
  }
}
