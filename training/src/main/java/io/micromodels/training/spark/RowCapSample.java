package io.micromodels.training.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.micromodels.features.EventFields;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.training.train.TrainingRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Clients above their {@code training.row_cap}, sampled in Spark before their rows are grouped, so
 * that every client trains inside one task: every fraud row and a share of the genuine rows (the
 * genuine sample rate), about the cap in all. A genuine row is kept when a hash of its client and
 * event id falls below the rate, so a rerun, another partitioning or another cluster keeps the same
 * rows. Frauds are rare and carry most of what a model learns; leaving out genuine rows costs
 * little, and the calibration is corrected for it ({@link
 * io.micromodels.training.calibrate.Calibrator#priorCorrected}).
 */
final class RowCapSample {
  /** Hash buckets: the rate has a resolution of one in a million. */
  static final long BUCKETS = 1_000_000;

  /** Salts the hash, so which rows a client keeps does not follow the global sample's. */
  private static final String SALT = "row_cap";

  private static final String KEPT_BUCKETS = "_kept_buckets";

  private RowCapSample() {}

  /**
   * The genuine sample rate of each client above its row cap (clients under it are absent).
   *
   * @param counts each client's rows and frauds in its window
   */
  static Map<String, Double> rates(
      List<ClientConfig> clients, Map<String, TrainingRows.Counts> counts) {
    Map<String, Double> rates = new LinkedHashMap<>();
    for (ClientConfig c : clients) {
      TrainingRows.Counts n = counts.get(c.clientId().value());
      double rate = n == null ? 1 : rate(c.training().rowCap(), n);
      if (rate < 1) {
        rates.put(c.clientId().value(), rate);
      }
    }

    return rates;
  }

  /**
   * The share of genuine rows that leaves about {@code rowCap} rows with every fraud, rounded to
   * whole buckets; 1 for a client within its cap. Genuine rows get at least half the cap, so a
   * client whose frauds fill it still has genuine rows to contrast them with (it then trains on its
   * frauds and half the cap).
   */
  static double rate(long rowCap, TrainingRows.Counts counts) {
    long genuine = counts.rows() - counts.frauds();
    long wanted = Math.max(rowCap - counts.frauds(), rowCap / 2);
    if (counts.rows() <= rowCap || genuine <= wanted) {
      return 1;
    }

    return Math.max(1, Math.round((double) wanted / genuine * BUCKETS)) / (double) BUCKETS;
  }

  /** The rows each client keeps at its rate; the rows as they are when no client is sampled. */
  static Dataset<Row> apply(SparkSession spark, Dataset<Row> rows, Map<String, Double> rates) {
    if (rates.isEmpty()) {
      return rows;
    }

    List<Row> kept = new ArrayList<>();
    rates.forEach(
        (client, rate) -> kept.add(RowFactory.create(client, Math.round(rate * BUCKETS))));
    Dataset<Row> keptBuckets =
        spark.createDataFrame(
            kept, new StructType().add(EventFields.CLIENT_ID, "string").add(KEPT_BUCKETS, "long"));
    return rows.join(
            broadcast(keptBuckets),
            rows.col(EventFields.CLIENT_ID).equalTo(keptBuckets.col(EventFields.CLIENT_ID)),
            "left")
        .filter(
            col(TrainingColumns.LABEL)
                .equalTo(1)
                .or(keptBuckets.col(KEPT_BUCKETS).isNull())
                .or(
                    pmod(
                            xxhash64(
                                lit(SALT),
                                rows.col(EventFields.CLIENT_ID),
                                rows.col(EventFields.EVENT_ID)),
                            lit(BUCKETS))
                        .lt(keptBuckets.col(KEPT_BUCKETS))))
        .select(rows.col("*"));
  }
}
