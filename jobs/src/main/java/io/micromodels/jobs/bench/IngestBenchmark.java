package io.micromodels.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Ingest throughput against the bare baseline the issue names: {@code spark.read().json(files)
 * .write().format("delta")} of the same files, in the same JVM and session. Both write into fresh
 * tables; the baseline infers the JSON schema (as a bare read does) and writes unpartitioned. A
 * second baseline reads with our schema and writes partitioned like {@code events}, isolating the
 * cost of validation and de-duplication from that of the table layout.
 */
public final class IngestBenchmark {
  private final SparkSession spark;
  private final Path scratch;

  public IngestBenchmark(SparkSession spark, Path scratch) {
    this.spark = spark;
    this.scratch = scratch;
  }

  public Map<String, Object> run(String input) {
    List<String> files = List.of(input);
    warmUp(input);
    double bare = seconds(() -> bareWrite(files, scratch.resolve("bare")));
    double bareTyped = seconds(() -> typedPartitionedWrite(files, scratch.resolve("typed")));
    IngestSummary[] summary = new IngestSummary[1];
    double ours = seconds(() -> summary[0] = ingest(scratch.resolve("ours"), files));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "ingest-throughput");
    result.put("input", input);
    result.put("input_rows", summary[0].inputRows());
    result.put("input_files", summary[0].files().size());
    result.put("accepted", summary[0].accepted());
    result.put("quarantined", summary[0].quarantined());
    result.put("duplicates", summary[0].duplicates());
    result.put("seconds_micromodels_ingest", round(ours));
    result.put("seconds_bare_json_to_delta", round(bare));
    result.put("seconds_typed_partitioned_json_to_delta", round(bareTyped));
    result.put("events_per_second_micromodels_ingest", Math.round(summary[0].inputRows() / ours));
    result.put("events_per_second_bare_json_to_delta", Math.round(summary[0].inputRows() / bare));
    result.put("ratio_vs_bare_delta_write", round(ours / bare));
    result.put("ratio_vs_typed_partitioned_delta_write", round(ours / bareTyped));
    result.put("target", "ratio_vs_bare_delta_write <= 2.0 (validation + de-duplication cost)");
    result.put("machine", MachineFacts.current(spark.version()));
    result.put("spark_conf", MachineFacts.sparkConf(spark));
    return result;
  }

  private void warmUp(String input) {
    // JIT and Delta's first-use costs must not count against whichever path runs first.
    Path tiny = scratch.resolve("warmup");
    spark
        .read()
        .option("recursiveFileLookup", "true")
        .json(input)
        .limit(1000)
        .write()
        .format("delta")
        .save(tiny.resolve("bare").toString());
  }

  private void bareWrite(List<String> files, Path out) {
    spark
        .read()
        .option("recursiveFileLookup", "true")
        .json(files.toArray(String[]::new))
        .write()
        .format("delta")
        .save(out.toString());
  }

  private void typedPartitionedWrite(List<String> files, Path out) {
    spark
        .read()
        .option("recursiveFileLookup", "true")
        .schema(io.micromodels.features.spark.EventSchema.EVENTS)
        .json(files.toArray(String[]::new))
        .withColumn(
            "event_date",
            org.apache.spark.sql.functions.to_date(
                org.apache.spark.sql.functions.col("event_time")))
        .write()
        .format("delta")
        .partitionBy("client_id", "event_date")
        .save(out.toString());
  }

  private IngestSummary ingest(Path warehouse, List<String> files) {
    SparkSettings settings =
        new SparkSettings(spark.sparkContext().master(), warehouse.toString(), Map.of());
    return new IngestJob(spark, settings, IngestLimits.defaults(Instant.now())).run(files);
  }

  private static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  public static void write(Map<String, Object> result, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
