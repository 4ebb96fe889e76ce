package io.micromodels.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A Spark standalone cluster on 127.0.0.1: one {@code Master} and {@code n} {@code Worker} JVMs
 * started from the provided side of {@link SubmitClasspath} on ports they pick themselves (the
 * master's URL is read from its log). Each worker has its own work folder, where its executors run.
 * {@link #close} kills them all (and the executors), bounded in time.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(120);
  private static final List<String> DAEMON_JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dspark.master.rest.enabled=false");

  private final Path dir;
  private final JavaChild master;
  private final List<JavaChild> workers;
  private final String masterUrl;

  private StandaloneCluster(Path dir, JavaChild master, List<JavaChild> workers, String masterUrl) {
    this.dir = dir;
    this.master = master;
    this.workers = workers;
    this.masterUrl = masterUrl;
  }

  /**
   * Starts the master, then the workers, and returns once every worker has registered.
   *
   * @param memory what each worker may give its executors, e.g. {@code 1500m}
   */
  public static StandaloneCluster start(
      SparkEnvironment spark, String classpath, int workers, int cores, String memory) {
    Path dir = spark.root();
    JavaChild master =
        JavaChild.start(
            "master",
            dir,
            jvm(spark),
            classpath,
            "org.apache.spark.deploy.master.Master",
            List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"),
            spark.env());
    List<JavaChild> started = new ArrayList<>();
    try {
      String url =
          master.await(Pattern.compile("Starting Spark master at (spark://\\S+)"), START).group(1);
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        started.add(
            JavaChild.start(
                "worker-" + i,
                dir,
                jvm(spark),
                classpath,
                "org.apache.spark.deploy.worker.Worker",
                List.of(
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--webui-port",
                    "0",
                    "--cores",
                    String.valueOf(cores),
                    "--memory",
                    memory,
                    "--work-dir",
                    work.toString(),
                    url),
                spark.env()));
      }

      for (JavaChild w : started) {
        w.await(Pattern.compile("Successfully registered with master"), START);
      }

      return new StandaloneCluster(dir, master, List.copyOf(started), url);
    } catch (RuntimeException | IOException e) {
      started.forEach(JavaChild::kill);
      master.kill();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static List<String> jvm(SparkEnvironment spark) {
    List<String> options = new ArrayList<>(DAEMON_JVM);
    options.addAll(spark.jvmOptions());
    return options;
  }

  public String masterUrl() {
    return masterUrl;
  }

  /**
   * The worker running an executor, by the executor's folder in the worker's work folder ({@code
   * <work>/<app id>/<executor id>}).
   */
  public Optional<Integer> workerOf(String appId, String executorId) {
    return IntStream.range(0, workers.size())
        .boxed()
        .filter(
            i -> Files.isDirectory(dir.resolve("worker-" + i).resolve(appId).resolve(executorId)))
        .findFirst();
  }

  /** SIGKILL to worker {@code i} and its executors, as when its machine dies. */
  public void killWorker(int i) {
    workers.get(i).kill();
  }

  /** Everything of the cluster still running: workers, their executors, the master. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    for (JavaChild c : workers) {
      all.add(c.handle());
      c.handle().descendants().forEach(all::add);
    }

    all.add(master.handle());
    return all.stream().filter(ProcessHandle::isAlive).toList();
  }

  /** Logs of all daemons, for failure messages. */
  public String tails() {
    StringBuilder text = new StringBuilder(master.tail());
    workers.forEach(w -> text.append(w.tail()));
    return text.toString();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    List<JavaChild> all = new ArrayList<>(workers);
    all.add(master);
    for (JavaChild c : all) {
      try {
        c.kill();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }

    if (failure != null) {
      throw failure;
    }
  }
}
