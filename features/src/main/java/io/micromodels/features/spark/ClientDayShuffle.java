package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import io.micromodels.features.EventFields;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.LogicalRDD$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ingest's validated rows hash-partitioned by the events table's partition columns (client, day) in
 * one shuffle, as a DataFrame whose jobs all read that shuffle's output: the counts, the search for
 * repeated keys and both MERGEs. The events MERGE writes them as they come (one file per
 * client-day, {@link EventTables#insertNewEvents}), so every row is parsed once and shuffled once,
 * unless the input holds a client-day above the split threshold ({@link #repartition(Dataset,
 * Map)}): then the valid rows are shuffled a second time, by (client, day, part), and still parsed
 * once.
 *
 * <p>This replaced a columnar cache of the validated rows, which cost building and reading column
 * batches and held the input in memory, and still left the MERGE's shuffle to do. The shuffle files
 * live on local disk until the DataFrame is garbage collected.
 */
final class ClientDayShuffle {
  private static final String PARTS = "client_day_parts";
  private static final String DAY_TEXT = "client_day_text";

  private ClientDayShuffle() {}

  /**
   * Runs the shuffle's map stage now (Spark's adaptive execution materialises it here, or the first
   * job does): reading failures surface from this call or the first job on the result.
   */
  static Dataset<Row> of(SparkSession spark, Dataset<Row> rows) {
    Dataset<Row> byClientDay = repartition(rows);
    RDD<InternalRow> shuffled = byClientDay.queryExecution().toRdd();
    return Dataset.ofRows(spark, LogicalRDD$.MODULE$.fromDataset(shuffled, byClientDay, false));
  }

  /**
   * Rows hashed by (client, day) into the default number of shuffle partitions, a fixed count that
   * adaptive execution does not coalesce (fewer, larger write tasks would each hold more days).
   */
  static Dataset<Row> repartition(Dataset<Row> rows) {
    return rows.repartition(
        partitions(rows), col(EventFields.CLIENT_ID), col(EventFields.EVENT_DATE));
  }

  /**
   * Rows hashed by (client, day, part): the rows of a client-day in {@code splits} are spread over
   * its number of parts by the hash of their event id (at most the number of shuffle partitions),
   * so that several tasks write it, a file each; every other client-day is one part and stays in
   * one task, one file, as with {@link #repartition(Dataset)}.
   */
  static Dataset<Row> repartition(Dataset<Row> rows, Map<ClientDays.ClientDay, Integer> splits) {
    if (splits.isEmpty()) {
      return repartition(rows);
    }

    int partitions = partitions(rows);
    StructType partsSchema =
        new StructType()
            .add(EventFields.CLIENT_ID, DataTypes.StringType)
            .add(DAY_TEXT, DataTypes.StringType)
            .add(PARTS, DataTypes.IntegerType);
    List<Row> parts =
        splits.entrySet().stream()
            .map(
                e ->
                    RowFactory.create(
                        e.getKey().client(),
                        e.getKey().day().toString(),
                        Math.min(e.getValue(), partitions)))
            .toList();
    // A few rows (the client-days above the threshold): broadcast, the rows are not shuffled.
    Dataset<Row> partsByDay =
        rows.sparkSession()
            .createDataFrame(parts, partsSchema)
            .withColumn(EventFields.EVENT_DATE, to_date(col(DAY_TEXT)))
            .drop(DAY_TEXT);
    Column part = pmod(xxhash64(col(EventFields.EVENT_ID)), coalesce(col(PARTS), lit(1)));
    Column[] columns = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
    return rows.join(
            broadcast(partsByDay),
            scala.collection.JavaConverters.asScalaBuffer(
                    List.of(EventFields.CLIENT_ID, EventFields.EVENT_DATE))
                .toSeq(),
            "left")
        .repartition(partitions, col(EventFields.CLIENT_ID), col(EventFields.EVENT_DATE), part)
        .select(columns);
  }

  private static int partitions(Dataset<Row> rows) {
    return rows.sparkSession().sessionState().conf().numShufflePartitions();
  }
}
