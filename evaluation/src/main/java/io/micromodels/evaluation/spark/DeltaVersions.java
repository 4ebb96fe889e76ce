package io.micromodels.evaluation.spark;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;

/** The current version of a Delta table, for lineage. */
final class DeltaVersions {
  private DeltaVersions() {}

  static long of(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).head().getLong(0);
  }
}
