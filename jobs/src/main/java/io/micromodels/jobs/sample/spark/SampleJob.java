package io.micromodels.jobs.sample.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.spark.SparkHadoopConf;
import io.micromodels.jobs.sample.SampleSpec;
import io.micromodels.jobs.sample.Shard;
import io.micromodels.jobs.sample.ShardGenerator;
import io.micromodels.jobs.sample.ShardResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Generates a sample event log: one Spark task per shard, each writing its own deterministically
 * named file ({@code events/<client>/part-NNNNN.jsonl.gz}), so the output is byte-identical for a
 * seed whatever the parallelism. The driver then writes {@code assertions/<client>.csv} and {@code
 * sample.json} (parameters and counts).
 */
public final class SampleJob {
  private static final int ASSERTIONS_PER_CLIENT = 25;
  private final SparkSession spark;

  public SampleJob(SparkSession spark) {
    this.spark = spark;
  }

  public Map<String, Object> run(SampleSpec spec, String out) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path root = new Path(out);
    refuseExisting(conf, root);
    List<Shard> shards = ShardGenerator.shards(spec);
    String rootUri = root.toString();
    List<ShardResult> results =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(shards, shards.size())
            .map(shard -> writeShard(spec, shard, rootUri))
            .collect();
    Map<String, Object> summary = summary(spec, results);
    writeAssertions(conf, root, results);
    write(conf, new Path(root, "sample.json"), json(summary));
    return summary;
  }

  private static ShardResult writeShard(SampleSpec spec, Shard shard, String root)
      throws IOException {
    Path file = new Path(root, shard.fileName(spec.compression()));
    FileSystem fs = file.getFileSystem(SparkHadoopConf.current());
    fs.setWriteChecksum(false); // no .crc side files next to the sample
    try (OutputStream out = fs.create(file, true)) {
      return new ShardGenerator(spec).write(shard, out);
    }
  }

  private static byte[] json(Map<String, Object> summary) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void refuseExisting(Configuration conf, Path root) {
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (fs.exists(new Path(root, "events"))) {
        throw new MicromodelsException(
            "Cannot generate into "
                + root
                + ": it already has an events/ folder. Remove it or"
                + " choose another --out (the generator never mixes two samples).");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> summary(SampleSpec spec, List<ShardResult> results) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("clients", spec.clients());
    summary.put("customers", spec.customers());
    summary.put("days", spec.days());
    summary.put("start", spec.start().toString());
    summary.put("seed", spec.seed());
    summary.put("bad_rows_fraction", spec.badRowsFraction());
    summary.put("client_sizes", spec.clientSizes().name());
    Map<String, Map<String, Long>> perClient = new TreeMap<>();
    for (ShardResult r : results) {
      Map<String, Long> c = perClient.computeIfAbsent(r.clientId(), k -> new LinkedHashMap<>());
      c.merge("rows", r.rows(), Long::sum);
      c.merge("bad_rows", r.badRows(), Long::sum);
      c.merge("customers", r.customers(), Long::sum);
      c.merge("orders", r.orders(), Long::sum);
      c.merge("fraud_orders", r.fraudOrders(), Long::sum);
    }

    summary.put("per_client", perClient);
    summary.put("rows", results.stream().mapToLong(ShardResult::rows).sum());
    return summary;
  }

  private static void writeAssertions(Configuration conf, Path root, List<ShardResult> results) {
    Map<String, TreeSet<String>> perClient = new TreeMap<>();
    for (ShardResult r : results) {
      perClient.computeIfAbsent(r.clientId(), k -> new TreeSet<>()).addAll(r.assertedCustomers());
    }

    perClient.forEach(
        (client, customers) -> {
          StringBuilder csv = new StringBuilder("customer_id,reason\n");
          customers.stream()
              .limit(ASSERTIONS_PER_CLIENT)
              .forEach(
                  c ->
                      csv.append(c)
                          .append(",confirmed fraudster: repeated orders with strong signals\n"));
          write(
              conf,
              new Path(root, "assertions/" + client + ".csv"),
              csv.toString().getBytes(StandardCharsets.UTF_8));
        });
  }

  private static void write(Configuration conf, Path file, byte[] bytes) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      fs.setWriteChecksum(false);
      try (OutputStream out = fs.create(file, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
