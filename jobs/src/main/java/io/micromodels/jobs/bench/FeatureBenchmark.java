package io.micromodels.jobs.bench;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Feature-job throughput against a hand-written Spark SQL query that computes the same aggregates
 * in one statement with range window functions, on the same ingested events, in the same session.
 * Both results go to Spark's {@code noop} sink, so the figures compare computation, not table
 * writes. Runs on every client of the warehouse with the standard feature set ({@code
 * bench/standard-features.yaml}).
 */
public final class FeatureBenchmark {
  private static final long DAY = 86_400_000_000L;
  private final SparkSession spark;
  private final Path scratch;

  public FeatureBenchmark(SparkSession spark, Path scratch) {
    this.spark = spark;
    this.scratch = scratch;
  }

  /** Measures one warehouse; returns its figures. */
  public Map<String, Object> measure(String warehouse) {
    SparkSettings settings = new SparkSettings(spark.sparkContext().master(), warehouse, Map.of());
    Dataset<Row> events =
        spark.read().format("delta").load(settings.tablePath(IngestJob.EVENTS_TABLE));
    Row span = events.selectExpr("min(event_date)", "max(event_date)", "count(*)").first();
    LocalDate from = span.getAs(0);
    LocalDate to = span.getAs(1);
    long rows = span.getLong(2);
    List<String> clients =
        events
            .select("client_id")
            .distinct()
            .orderBy("client_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    List<ClientConfig> configs =
        BenchConfigs.fromTemplate(
            "/bench/standard-features.yaml", clients, scratch.resolve("bench-clients"));
    FeatureRange range = new FeatureRange(from, to, FeatureRange.endOf(to));

    double ours;
    long oursPeak;
    try (PeakHeap heap = new PeakHeap()) {
      long start = System.nanoTime();
      new FeatureJob(spark, settings)
          .build(configs, range)
          .write()
          .format("noop")
          .mode("overwrite")
          .save();
      ours = (System.nanoTime() - start) / 1e9;
      oursPeak = heap.peakBytes();
    }

    // The query's range windows with hot keys can run for a very long time; it gets at most
    // twice our time (at least two minutes), and a cancelled run is reported as a lower bound.
    long capSeconds = Math.max(120, Math.round(2 * ours));
    events.createOrReplaceTempView("bench_events");
    TimedRun sql;
    try (PeakHeap heap = new PeakHeap()) {
      sql =
          TimedRun.within(
              spark,
              capSeconds,
              () -> spark.sql(handWritten()).write().format("noop").mode("overwrite").save());
      sql = sql.withPeak(heap.peakBytes());
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("events", rows);
    result.put("clients", clients.size());
    result.put("dates", from + ".." + to);
    result.put("seconds_micromodels_features", round(ours));
    result.put("seconds_handwritten_sql", round(sql.seconds()));
    result.put("handwritten_sql_finished", sql.finished());
    result.put("events_per_second_micromodels_features", Math.round(rows / ours));
    result.put("events_per_second_handwritten_sql", Math.round(rows / sql.seconds()));
    result.put("ratio_vs_handwritten_sql", round(sql.seconds() / ours));
    if (!sql.finished()) {
      result.put(
          "ratio_note",
          "the query was cancelled after " + capSeconds + " s: the ratio is a lower bound");
    }
    result.put("peak_heap_bytes_micromodels_features", oursPeak);
    result.put("peak_heap_bytes_handwritten_sql", sql.peakHeapBytes());
    return result;
  }

  /** The same aggregates in one statement: one window per (entity, length), 1 µs before t. */
  static String handWritten() {
    String customer = "PARTITION BY client_id, customer_id ORDER BY ts";
    String device = "PARTITION BY client_id, device_id ORDER BY ts";
    String card = "PARTITION BY client_id, payment_method.fingerprint ORDER BY ts";
    String ip = "PARTITION BY client_id, ip ORDER BY ts";
    List<String> columns =
        new ArrayList<>(
            List.of(
                count("order", customer, DAY / 24, "customer_order_count_1h"),
                count("order", customer, DAY, "customer_order_count_24h"),
                count("order", customer, 7 * DAY, "customer_order_count_7d"),
                agg(
                    "avg",
                    "IF(event_type = 'order', amount, NULL)",
                    customer,
                    30 * DAY,
                    "customer_amount_avg_30d"),
                agg(
                    "max",
                    "IF(event_type = 'order', amount, NULL)",
                    customer,
                    30 * DAY,
                    "customer_amount_max_30d"),
                agg(
                    "sum",
                    "IF(event_type = 'order', amount, NULL)",
                    customer,
                    7 * DAY,
                    "customer_amount_sum_7d"),
                agg("count", "1", device, DAY, "device_count_1d"),
                agg("count", "1", device, 7 * DAY, "device_count_7d"),
                agg("count", "1", card, 7 * DAY, "fingerprint_count_7d"),
                agg("count", "1", ip, DAY / 24, "ip_count_1h")));
    return "SELECT * FROM (SELECT client_id, event_id, event_type, "
        + String.join(",\n  ", columns)
        + "\nFROM (SELECT *, unix_micros(event_time) AS ts FROM bench_events))"
        + " WHERE event_type = 'order'";
  }

  private static String count(String type, String window, long length, String name) {
    return agg("count", "IF(event_type = '" + type + "', 1, NULL)", window, length, name);
  }

  private static String agg(String fn, String value, String window, long length, String name) {
    return fn
        + "("
        + value
        + ") OVER ("
        + window
        + " RANGE BETWEEN "
        + length
        + " PRECEDING AND 1 PRECEDING) AS "
        + name;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
