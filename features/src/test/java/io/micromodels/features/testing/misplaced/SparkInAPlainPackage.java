package io.micromodels.features.testing.misplaced;

import io.micromodels.features.spark.SparkSettings;
import org.apache.spark.sql.Row;

/** Deliberately misplaced: a plain package using Spark and a spark package (SparkAtTheEdgeTest). */
final class SparkInAPlainPackage {
  private SparkInAPlainPackage() {}

  static int width(Row row) {
    return row.size();
  }

  static String master(SparkSettings settings) {
    return settings.master();
  }
}
