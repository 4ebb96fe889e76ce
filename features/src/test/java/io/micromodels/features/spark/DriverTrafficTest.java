package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriverTrafficTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static final SparkContext CONTEXT = SPARK.sparkContext();

  /** 64 hexadecimal digits: results are compressed, so a row must not be too repetitive. */
  private static final String ROW = "sha2(CAST(id AS STRING), 256) AS digest";

  private DriverTraffic traffic;

  @BeforeEach
  void attach() {
    traffic = DriverTraffic.attach(CONTEXT);
  }

  @AfterEach
  void detach() {
    CONTEXT.removeSparkListener(traffic);
    CONTEXT.setLocalProperty(DriverTraffic.STAGE_PROPERTY, null);
  }

  @Test
  void taskResultsAreCountedByStageAndGrowWithWhatIsCollected() throws Exception {
    collect("small", 1_000);
    collect("large", 4_000);
    DriverTraffic.label(CONTEXT, "aggregate");
    SPARK.range(4_000).selectExpr(ROW).groupBy().count().collectAsList();

    Map<String, DriverTraffic.Bytes> stages = drained().byStage();
    long small = stages.get("small").taskResults();
    assertThat(small).isGreaterThan(30_000); // 1,000 rows of 64 hexadecimal digits
    assertThat((double) stages.get("large").taskResults() / small).isBetween(3.5, 4.5);
    // an aggregate of 4,000 rows returns a count and the map tasks' statuses
    assertThat(stages.get("aggregate").taskResults()).isLessThan(small / 4);
    assertThat(traffic.total().taskResults())
        .isEqualTo(stages.values().stream().mapToLong(DriverTraffic.Bytes::taskResults).sum());
  }

  @Test
  void aBroadcastCountsItsDriverPiecesOnceUnderTheStageThatMadeIt() throws Exception {
    collect("before", 10);
    DriverTraffic.label(CONTEXT, "ship");
    byte[] payload = new byte[2 << 20];
    new SplittableRandom(1).nextBytes(payload); // incompressible: pieces are compressed
    Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(CONTEXT).broadcast(payload);
    SPARK
        .range(8)
        .repartition(4)
        .map((MapFunction<Long, Integer>) i -> shipped.value().length, Encoders.INT())
        .collectAsList();
    shipped.destroy();

    Map<String, DriverTraffic.Bytes> stages = drained().byStage();
    // Every job also broadcasts its tasks' code: a few kilobytes, more when closures hold data.
    long taskCode = stages.get("before").broadcasts();
    assertThat(taskCode).isBetween(1L, 64L << 10);
    assertThat(stages.get("ship").broadcasts()).isBetween(2L << 20, (2L << 20) + (64L << 10));
    // the four tasks after the repartition at least, each counted once
    assertThat(stages.get("ship").tasks()).isGreaterThanOrEqualTo(4);
    assertThat(traffic.total().tasks())
        .isEqualTo(stages.values().stream().mapToLong(DriverTraffic.Bytes::tasks).sum());
  }

  private static void collect(String stage, int rows) {
    DriverTraffic.label(CONTEXT, stage);
    SPARK.range(rows).selectExpr(ROW).collectAsList();
  }

  private DriverTraffic drained() throws java.util.concurrent.TimeoutException {
    traffic.awaitDelivered(CONTEXT);
    return traffic;
  }
}
