package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Finds the key hashes that occur more than once. Each hash is shuffled once (eight bytes a row)
 * and a task sorts its share as primitive longs: an aggregation would instead insert every key into
 * a hash map twice (partial and final), which for keys that are almost all distinct is all cost and
 * no reduction.
 */
final class RepeatedKeys {
  private RepeatedKeys() {}

  /** The distinct values of {@code column} (a long column) that occur in more than one row. */
  static Dataset<Row> of(Dataset<Row> rows, String column) {
    return rows.select(col(column))
        .repartition(col(column))
        .as(Encoders.LONG())
        .mapPartitions((MapPartitionsFunction<Long, Long>) RepeatedKeys::repeated, Encoders.LONG())
        .toDF(column);
  }

  private static Iterator<Long> repeated(Iterator<Long> hashes) {
    long[] sorted = new long[1024];
    int n = 0;
    while (hashes.hasNext()) {
      if (n == sorted.length) {
        sorted = Arrays.copyOf(sorted, n * 2);
      }

      sorted[n++] = hashes.next();
    }

    Arrays.sort(sorted, 0, n);
    List<Long> repeated = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      boolean isNew = repeated.isEmpty() || repeated.get(repeated.size() - 1) != sorted[i];
      if (sorted[i] == sorted[i - 1] && isNew) {
        repeated.add(sorted[i]);
      }
    }

    return repeated.iterator();
  }
}
