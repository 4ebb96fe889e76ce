package io.micromodels.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.spark.DriverTraffic;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.ClientRun;
import io.micromodels.jobs.pipeline.NightlyPipeline;
import io.micromodels.jobs.pipeline.NightlyReport;
import io.micromodels.jobs.pipeline.NightlyRequest;
import io.micromodels.jobs.pipeline.ProductionModels;
import io.micromodels.jobs.sample.ClientCatalogue;
import io.micromodels.jobs.sample.ClientProfile;
import io.micromodels.jobs.sample.SampleSpec;
import io.micromodels.jobs.sample.spark.SampleJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly pipeline benchmark of issue 6: {@link NightlyPipeline} on generated events of 100
 * clients (the sample generator's mixed sizes), then on twice the customers over the same days,
 * each into a fresh warehouse, with wall seconds per stage, peak heap and clients per outcome, and
 * the growth of each figure from one size to the other. Generated data is kept in the scratch
 * folder and reused by later runs; every client gets the training benchmark's config with
 * label-free gates (the outcomes measure the pipeline, not the small clients' few labels in the
 * nightly's holdout, docs/pipeline.md) and auto_promote.
 */
public final class NightlyBenchmark {
  private static final int CLIENTS = 100;
  private static final int DAYS = 90;
  private static final long SEED = 1;

  /** Measured: 100 clients over 90 days gave 197,434 events from 20,000 customers. */
  private static final double EVENTS_PER_CUSTOMER = 9.87;

  private static final String CONFIG_TEMPLATE = "/bench/standard-training.yaml";

  /**
   * Gates on what needs no labels; block_rate is NaN for a client without a decision event in the
   * holdout, which the gate blocks as "not measurable".
   */
  private static final String NIGHTLY_KEYS =
      "gates: [{metric: block_rate, max: 0.05},"
          + " {metric: review_rate, max: 0.15}]\nauto_promote: true\n";

  private static final int LISTED_FAILURES = 10;

  private final SparkSession spark;
  private final SparkSettings settings;
  private final Path scratch;

  /**
   * @param settings the run's settings; each size gets its own warehouse under {@code scratch}
   * @param scratch generated events, configs and warehouses (kept: events are reused)
   */
  public NightlyBenchmark(SparkSession spark, SparkSettings settings, Path scratch) {
    this.spark = spark;
    this.settings = settings;
    this.scratch = scratch;
  }

  /**
   * Runs the nightly on about {@code events} events, then on twice the customers.
   *
   * @param events the smaller size's target; the generator sets customers, not events, so the
   *     figures record the count it produced
   */
  public Map<String, Object> run(long events) {
    List<String> clients =
        ClientCatalogue.first(CLIENTS).stream().map(ClientProfile::clientId).toList();
    Path configs = scratch.resolve("clients");
    BenchConfigs.fromTemplate(CONFIG_TEMPLATE, NIGHTLY_KEYS, clients, configs);
    int customers = (int) Math.max(CLIENTS, Math.round(events / EVENTS_PER_CUSTOMER));
    Map<String, Object> base = measure(sample(customers), configs);
    Map<String, Object> doubled = measure(sample(2 * customers), configs);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "nightly-pipeline");
    result.put("clients", CLIENTS);
    result.put("days", DAYS);
    result.put(
        "config",
        "jobs/src/main/resources"
            + CONFIG_TEMPLATE
            + " + "
            + NIGHTLY_KEYS.replace('\n', ' ').trim());
    result.put("run_1x", base);
    result.put("run_2x", doubled);
    result.put("growth_2x_over_1x", growth(base, doubled));
    result.put(
        "growth_note",
        "each figure of run_2x / run_1x: linear growth means a ratio near"
            + " the events ratio, below it fixed costs (job start-up, Delta commits, one task per"
            + " client) dominate");
    result.put("command", command(events));
    result.put("machine", MachineFacts.current(spark.version()));
    result.put("spark_conf", MachineFacts.sparkConf(spark));
    return result;
  }

  /** The sample folder of this size, generated unless a complete one is there already. */
  private Path sample(int customers) {
    Path dir =
        scratch.resolve(
            String.format(
                Locale.ROOT, "sample-%d-clients-%d-customers-%d-days", CLIENTS, customers, DAYS));
    if (Files.exists(dir.resolve("sample.json"))) { // written last: the sample is complete
      System.out.println("reusing " + dir);
      return dir;
    }

    long start = System.nanoTime();
    new SampleJob(spark)
        .run(
            new SampleSpec(
                CLIENTS,
                customers,
                DAYS,
                SEED,
                SampleSpec.DEFAULT_START,
                0,
                SampleSpec.Compression.GZIP,
                0),
            dir.toString());
    System.out.printf("generated %s in %.1f s%n", dir, (System.nanoTime() - start) / 1e9);
    return dir;
  }

  /** One nightly run as of the end of the sample's last day, into a fresh warehouse. */
  private Map<String, Object> measure(Path sample, Path configs) {
    Path warehouse = sample.resolve("warehouse");
    delete(warehouse);
    SparkSettings run = settings.withWarehouse(warehouse.toString());
    Instant asOf = FeatureRange.endOf(SampleSpec.DEFAULT_START.plusDays(DAYS - 1));
    NightlyPipeline pipeline =
        new NightlyPipeline(
            spark, run, (selected, at) -> ProductionModels.trainedBefore(spark, run, selected, at));
    NightlyRequest request =
        new NightlyRequest(
            configs, null, asOf, List.of(sample.resolve("events").toString()), "bench");
    NightlyReport report;
    long peak;
    DriverTraffic traffic = DriverTraffic.attach(spark.sparkContext());
    long start = System.nanoTime();
    try (PeakHeap heap = new PeakHeap()) {
      report = pipeline.run(request);
      peak = heap.peakBytes();
    } finally {
      spark.sparkContext().removeSparkListener(traffic);
    }

    double total = (System.nanoTime() - start) / 1e9;
    report.print(new PrintWriter(System.out, true));
    Map<String, Object> generated = summary(sample);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("events", generated.get("rows"));
    figures.put("customers", generated.get("customers"));
    figures.put("input", sample.resolve("events").toString());
    figures.put("as_of", asOf.toString());
    Map<String, Object> stages = new LinkedHashMap<>();
    report
        .times()
        .seconds()
        .forEach((stage, seconds) -> stages.put(stage, TrainBenchmark.round(seconds)));
    figures.put("seconds_per_stage", stages);
    figures.put("seconds_total", TrainBenchmark.round(total));
    figures.put("peak_heap_bytes", peak);
    figures.put("driver_bytes_per_stage", driverBytes(traffic));
    figures.put("clients_per_outcome", outcomes(report));
    figures.put("clients_per_train_status", count(report, c -> ClientRun.label(c.train())));
    figures.put("failures", failures(report));
    System.out.println("measured " + sample + ": " + figures); // partial results survive a kill
    return figures;
  }

  /**
   * Task-result and broadcast bytes per stage and in all ({@link DriverTraffic}): what must not
   * grow with the events for the driver to scale (issue 31's driver budget).
   */
  private Map<String, Object> driverBytes(DriverTraffic traffic) {
    try {
      traffic.awaitDelivered(spark.sparkContext());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in time", e);
    }
    Map<String, Object> bytes = new LinkedHashMap<>();
    traffic.byStage().forEach((stage, b) -> bytes.put(stage, b.asMap()));
    bytes.put("total", traffic.total().asMap());
    return bytes;
  }

  /** published (and promoted), blocked, failed, bad_config: every client is in one. */
  private static Map<String, Long> outcomes(NightlyReport report) {
    Map<String, Long> outcomes = new LinkedHashMap<>();
    for (ClientRun.Outcome outcome : ClientRun.Outcome.values()) {
      String name =
          outcome == ClientRun.Outcome.OK ? "published" : outcome.name().toLowerCase(Locale.ROOT);
      outcomes.put(name, report.clients().stream().filter(c -> c.outcome() == outcome).count());
    }

    return outcomes;
  }

  private static Map<String, Long> count(NightlyReport report, Function<ClientRun, String> column) {
    Map<String, Long> counts = new TreeMap<>();
    report.clients().forEach(c -> counts.merge(column.apply(c), 1L, Long::sum));
    return counts;
  }

  /** The first failed clients' notes, so a failure is diagnosable from the JSON alone. */
  private static Map<String, String> failures(NightlyReport report) {
    Map<String, String> failures = new TreeMap<>();
    report.clients().stream()
        .filter(
            c ->
                c.outcome() == ClientRun.Outcome.FAILED
                    || c.outcome() == ClientRun.Outcome.BAD_CONFIG)
        .limit(LISTED_FAILURES)
        .forEach(c -> failures.put(c.client(), c.note()));
    return failures;
  }

  @SuppressWarnings("unchecked")
  private static Object driverTotal(Map<String, Object> run) {
    return ((Map<String, Map<String, Long>>) run.get("driver_bytes_per_stage"))
        .get("total")
        .get("total");
  }

  /** run_2x / run_1x for the events, every stage, the total, the peak heap, the driver bytes. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> growth(Map<String, Object> base, Map<String, Object> doubled) {
    Map<String, Double> growth = new LinkedHashMap<>();
    growth.put("events", ratio(doubled.get("events"), base.get("events")));
    Map<String, Object> baseStages = (Map<String, Object>) base.get("seconds_per_stage");
    Map<String, Object> doubledStages = (Map<String, Object>) doubled.get("seconds_per_stage");
    baseStages.forEach(
        (stage, seconds) -> growth.put(stage, ratio(doubledStages.get(stage), seconds)));
    growth.put("total", ratio(doubled.get("seconds_total"), base.get("seconds_total")));
    growth.put("peak_heap", ratio(doubled.get("peak_heap_bytes"), base.get("peak_heap_bytes")));
    growth.put("driver_bytes", ratio(driverTotal(doubled), driverTotal(base)));
    return growth;
  }

  private static Double ratio(Object numerator, Object denominator) {
    if (numerator == null || denominator == null) {
      return null; // a stage that did not run at one size
    }

    return Math.round(
            ((Number) numerator).doubleValue() / ((Number) denominator).doubleValue() * 100)
        / 100.0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> summary(Path sample) {
    try {
      return new ObjectMapper().readValue(sample.resolve("sample.json").toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + sample.resolve("sample.json"), e);
    }
  }

  private void delete(Path dir) {
    try {
      FileSystem.getLocal(spark.sparkContext().hadoopConfiguration())
          .delete(new org.apache.hadoop.fs.Path(dir.toAbsolutePath().toString()), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the previous warehouse " + dir, e);
    }
  }

  /** The command that reproduces this run, with the JVM's heap flag. */
  private String command(long events) {
    String heap =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-Xmx"))
            .findFirst()
            .orElse("-Xmx4g");
    return "MICROMODELS_JAVA_OPTS="
        + heap
        + " bin/micromodels bench nightly --events "
        + events
        + " --scratch "
        + scratch;
  }
}
