package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;

import io.micromodels.features.EventFields;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.LogicalRDD$;

/**
 * Ingest's validated rows hash-partitioned by the events table's partition columns (client,
 * day) in one shuffle, as a DataFrame whose jobs all read that shuffle's output: the counts, the
 * search for repeated keys and both MERGEs. The events MERGE writes them as they come (one file
 * per client-day, {@link EventTables#insertNewEvents}), so every row is parsed once and shuffled
 * once.
 *
 * <p>This replaced a columnar cache of the validated rows, which cost building and reading
 * column batches and held the input in memory, and still left the MERGE's shuffle to do. The
 * shuffle files live on local disk until the DataFrame is garbage collected.
 */
final class ClientDayShuffle {
  private ClientDayShuffle() {}

  /**
   * Runs the shuffle's map stage now (Spark's adaptive execution materialises it here, or the
   * first job does): reading failures surface from this call or the first job on the result.
   */
  static Dataset<Row> of(SparkSession spark, Dataset<Row> rows) {
    Dataset<Row> byClientDay = repartition(rows);
    RDD<InternalRow> shuffled = byClientDay.queryExecution().toRdd();
    return Dataset.ofRows(spark, LogicalRDD$.MODULE$.fromDataset(shuffled, byClientDay, false));
  }

  /**
   * Rows hashed by (client, day) into the default number of shuffle partitions, a fixed count
   * that adaptive execution does not coalesce (fewer, larger write tasks would each hold more
   * days).
   */
  static Dataset<Row> repartition(Dataset<Row> rows) {
    int partitions = rows.sparkSession().sessionState().conf().numShufflePartitions();
    return rows.repartition(partitions, col(EventFields.CLIENT_ID), col(EventFields.EVENT_DATE));
  }
}
