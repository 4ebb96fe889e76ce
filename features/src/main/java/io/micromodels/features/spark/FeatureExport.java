package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code micromodels features export}: the point-in-time feature rows of a range, built by the same
 * {@link FeatureJob} the table, training and backtests use, written as files a notebook reads
 * (docs/features.md, "Export"). Nothing is written to the warehouse.
 */
public final class FeatureExport {
  /** Parquet keeps the types; CSV turns list and map columns into JSON text. */
  public enum Format {
    PARQUET,
    CSV
  }

  private final SparkSession spark;
  private final SparkSettings settings;

  public FeatureExport(SparkSession spark, SparkSettings settings) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Writes the range's rows under {@code out}, a {@code client_id=<id>} folder per client.
   *
   * @return rows written per selected client (0 for a client without decision events)
   * @throws ConfigException when {@code out} exists: an export never overwrites
   */
  public Map<String, Long> write(
      List<ClientConfig> clients, FeatureRange range, String out, Format format) {
    NewFolder.require(out, "an export");

    Dataset<Row> rows =
        new FeatureJob(spark, settings)
            .build(clients, range)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> counts = new LinkedHashMap<>();
      clients.forEach(c -> counts.put(c.clientId().value(), 0L));
      rows.groupBy("client_id")
          .count()
          .collectAsList()
          .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
      if (format == Format.CSV) {
        textColumns(rows).write().partitionBy("client_id").option("header", "true").csv(out);
      } else {
        rows.write().partitionBy("client_id").parquet(out);
      }

      return counts;
    } finally {
      rows.unpersist();
    }
  }

  /** Every list, map or struct column as JSON text, so each cell of a CSV is one value. */
  static Dataset<Row> textColumns(Dataset<Row> rows) {
    StructType schema = rows.schema();
    Column[] columns = new Column[schema.fields().length];
    for (int i = 0; i < columns.length; i++) {
      StructField field = schema.fields()[i];
      Column column = col("`" + field.name() + "`");
      boolean nested =
          field.dataType() instanceof ArrayType
              || field.dataType() instanceof MapType
              || field.dataType() instanceof StructType;
      columns[i] = (nested ? to_json(column) : column).alias(field.name());
    }

    return rows.select(columns);
  }
}
