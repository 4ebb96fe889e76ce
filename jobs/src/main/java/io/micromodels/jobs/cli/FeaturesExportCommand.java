package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.FeatureExport;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code micromodels features export}: the feature rows of a range as files (docs/features.md). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the point-in-time feature rows (one per decision event, labels known at --as-of)",
      "of the given clients and UTC dates to --out, a client_id=<id> folder per client: the",
      "rows `features`, train and backtest build, for a notebook. Nothing goes to the warehouse."
    })
final class FeaturesExportCommand implements Callable<Integer> {
  @ParentCommand FeaturesCommand features;

  @Mixin ClientSelection selection;

  @Mixin FeatureRangeOptions dates;

  @Option(
      names = "--out",
      required = true,
      description = "A new folder for the files (an existing one is refused).")
  String out;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      description =
          "parquet (typed) or csv (a header; list and map columns as JSON text);"
              + " default: ${DEFAULT-VALUE}.")
  FeatureExport.Format format;

  @Override
  public Integer call() {
    List<ClientConfig> selected = selection.select();
    FeatureRange range = dates.range("features export", "");
    SparkSettings settings = features.root.global.sparkSettings();
    long start = System.nanoTime();
    Map<String, Long> rows =
        new FeatureExport(SparkSessions.create("micromodels-export", settings), settings)
            .write(selected, range, out, format);
    System.out.printf(
        "exported features of decision events in %s, labels as of %s (%.1f s):"
            + " %s rows per client in %s (%s)%n",
        AsOf.window(range.fromInstant(), range.untilInstant()),
        AsOf.format(range.asOf()),
        (System.nanoTime() - start) / 1e9,
        rows,
        out,
        format.name().toLowerCase(java.util.Locale.ROOT));
    return MicromodelsCli.EXIT_OK;
  }
}
