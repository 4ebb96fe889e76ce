package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkHadoopConfTest {
  @Test
  void tasksSeeTheApplicationsSparkHadoopSettings() {
    SparkSession spark = SharedSpark.session();
    String key = "spark.hadoop.micromodels.test.endpoint";
    SparkEnv.get().conf().set(key, "http://127.0.0.1:9000");
    try {
      List<String> seen =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(List.of(1, 2), 2)
              .map(i -> SparkHadoopConf.current().get("micromodels.test.endpoint"))
              .collect();

      assertThat(seen).containsExactly("http://127.0.0.1:9000", "http://127.0.0.1:9000");
      assertThat(new org.apache.hadoop.conf.Configuration().get("micromodels.test.endpoint"))
          .as("what a bare Configuration misses")
          .isNull();
    } finally {
      SparkEnv.get().conf().remove(key);
    }
  }
}
