package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.FeatureCatalogue;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.LabelAccounting;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code micromodels features}: the point-in-time feature table for clients and dates. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the Delta table `features` (one row per decision event) for the given clients and",
      "UTC dates, with labels known at --as-of. Replaces exactly those date partitions.",
      "--list prints the feature catalogue instead (no Spark).",
      "`features export` writes the same rows to files for a notebook instead."
    },
    subcommands = FeaturesExportCommand.class)
final class FeaturesCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Mixin ClientSelection selection;

  @Mixin FeatureRangeOptions dates;

  @Option(names = "--list", description = "Print the feature catalogue and exit.")
  boolean list;

  @Override
  public Integer call() {
    List<ClientConfig> selected = selection.select();
    if (list) {
      for (FeatureCatalogue.Entry e : FeatureCatalogue.of(selected)) {
        System.out.printf("%-44s %-18s %s%n", e.name(), e.type(), e.description());
      }

      return MicromodelsCli.EXIT_OK;
    }

    FeatureRange range = dates.range("features", " (or --list)");
    SparkSettings settings = root.global.sparkSettings();
    long start = System.nanoTime();
    SparkSession spark = SparkSessions.create("micromodels-features", settings);
    Map<String, Long> rows = new FeatureJob(spark, settings).run(selected, range);
    System.out.printf(
        "features of decision events in %s, labels as of %s (%.1f s): %s rows per"
            + " client in %s%n",
        AsOf.window(range.fromInstant(), range.untilInstant()),
        AsOf.format(range.asOf()),
        (System.nanoTime() - start) / 1e9,
        rows,
        settings.tablePath(FeatureJob.FEATURES_TABLE));
    LabelAccounting.of(spark, settings, selected, range)
        .forEach(u -> System.out.println("label events " + u.describe()));
    return MicromodelsCli.EXIT_OK;
  }
}
