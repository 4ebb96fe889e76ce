package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.*;

import io.micromodels.features.EventValidator;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.InputFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Validates Parquet input with the same validator as the text formats: each record is rendered as
 * JSON (its raw text in quarantine) with its Parquet types. The line number is the 1-based row
 * index within the file.
 */
final class ParquetValidation {
  private ParquetValidation() {}

  static Dataset<Row> validate(SparkSession spark, List<String> paths, IngestLimits limits) {
    Dataset<Row> records =
        spark.read().option("mergeSchema", "true").parquet(paths.toArray(String[]::new));
    Dataset<Row> raw =
        records.select(
            col("_metadata.file_path").alias(EventSchema.SOURCE_FILE),
            col("_metadata.row_index").plus(1).alias(EventSchema.LINE_NUMBER),
            // Microseconds: the default format would cut timestamps to milliseconds.
            to_json(
                    struct(
                        Arrays.stream(records.columns())
                            .map(c -> col("`" + c + "`"))
                            .toArray(Column[]::new)),
                    Map.of("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"))
                .alias(EventSchema.RAW));
    JavaRDD<InternalRow> validated =
        raw.javaRDD()
            .mapPartitions(
                (FlatMapFunction<Iterator<Row>, InternalRow>) rows -> validated(rows, limits));
    return ValidatedRows.dataFrame(spark, validated);
  }

  private static Iterator<InternalRow> validated(Iterator<Row> rows, IngestLimits limits) {
    EventValidator validator = new EventValidator(limits);
    return new Iterator<InternalRow>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public InternalRow next() {
        Row row = rows.next();
        String json = row.getString(2);
        return ValidatedRows.of(
            row.getString(0),
            row.getLong(1),
            json,
            InputFormat.PARQUET,
            validator.validate(json, InputFormat.PARQUET));
      }
    };
  }
}
