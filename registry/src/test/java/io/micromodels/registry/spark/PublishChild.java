package io.micromodels.registry.spark;

import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.registry.Decision;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.testing.HoldingHook;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A publishing process for {@link PublishCrashTest}: {@code <registry root> <model.json> <backtest
 * dir> <client> [<pause point>]}; given a point, it is held there ({@link HoldingHook}).
 */
public final class PublishChild {
  private PublishChild() {}

  public static void main(String[] args) {
    SparkSession spark =
        SparkSessions.create(
            "publish-child",
            new SparkSettings(
                "local[1]",
                args[0] + "-warehouse",
                Map.of(
                    "spark.ui.enabled",
                    "false",
                    "spark.driver.host",
                    "127.0.0.1",
                    "spark.sql.shuffle.partitions",
                    "1",
                    // four of these run beside the test JVM: a small heap, past Spark's 450 MB
                    // floor check
                    "spark.testing.memory",
                    "536870912")));
    spark.sparkContext().setLogLevel("ERROR");
    Publisher publisher = new Publisher(spark, args[0]);
    if (args.length > 4) {
      publisher = publisher.withHook(new HoldingHook(args[4]));
    }

    RegistryEvent event =
        publisher.publish(
            new PublishRequest(
                ModelRef.of(args[3]), args[1], args[2], Decision.published("child")));
    System.out.println("PUBLISHED v" + event.version());
    spark.stop();
  }
}
