package io.micromodels.jobs.cli;

import io.micromodels.features.ConfigException;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.IngestSummary;
import io.micromodels.features.IngestWriteOptions;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.InputFiles;
import io.micromodels.features.spark.SparkHadoopConf;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code micromodels ingest}: event-log files into the Delta tables {@code events}/{@code
 * quarantine}.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validates event-log files (JSON Lines, CSV, Parquet; folders and .gz accepted) into the",
      "Delta table `events`; invalid rows go to `quarantine` with their reason. Idempotent."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input files or folders.")
  List<String> inputs;

  @Option(
      names = "--max-row-bytes",
      description = "Longest accepted row in bytes (default: ${DEFAULT-VALUE}).")
  int maxRowBytes = IngestLimits.DEFAULT_MAX_ROW_BYTES;

  @Option(
      names = "--max-file-bytes",
      description =
          "Most bytes one JSON Lines or CSV file may hold once decompressed; beyond it"
              + " ingest fails, naming the file (default: ${DEFAULT-VALUE}, 64 GiB).")
  long maxFileBytes = IngestLimits.DEFAULT_MAX_FILE_BYTES;

  @Option(
      names = "--resend-horizon-days",
      description =
          "How many days a re-sent copy of an event may have moved and still be"
              + " recognised as a duplicate; the MERGE reads each client's input days widened by"
              + " this. Re-ingesting history takes a larger value (default: ${DEFAULT-VALUE}).")
  int resendHorizonDays = IngestWriteOptions.DEFAULT_RESEND_HORIZON_DAYS;

  @Option(
      names = "--max-client-day-rows-per-task",
      description =
          "A client-day with more valid rows is written by several tasks, a file each"
              + " (default: ${DEFAULT-VALUE}).")
  long maxClientDayRowsPerTask = IngestWriteOptions.DEFAULT_MAX_CLIENT_DAY_ROWS_PER_TASK;

  @Override
  public Integer call() {
    SparkSettings settings = root.global.sparkSettings();
    IngestLimits limits = limits();
    IngestWriteOptions writes = writes();
    // Usage errors (a missing path, an unknown extension) exit 2 before Spark starts.
    InputFiles files = InputFiles.expand(SparkHadoopConf.of(settings), inputs);
    SparkSession spark = SparkSessions.create("micromodels-ingest", settings);
    long start = System.nanoTime();
    IngestSummary summary = new IngestJob(spark, settings, limits, writes).run(files);
    System.out.print(summary.render());
    System.out.printf(
        "  tables under %s (%.1f s)%n", settings.warehouseUri(), (System.nanoTime() - start) / 1e9);
    return MicromodelsCli.EXIT_OK;
  }

  private IngestLimits limits() {
    if (maxRowBytes <= 0) {
      throw new ConfigException(
          "--max-row-bytes must be a positive number of bytes, got " + maxRowBytes + ".");
    }

    if (maxFileBytes <= 0) {
      throw new ConfigException(
          "--max-file-bytes must be a positive number of bytes, got " + maxFileBytes + ".");
    }

    return IngestLimits.defaults(Instant.now())
        .withMaxRowBytes(maxRowBytes)
        .withMaxFileBytes(maxFileBytes);
  }

  private IngestWriteOptions writes() {
    if (resendHorizonDays < 0) {
      throw new ConfigException(
          "--resend-horizon-days must be a number of days, 0 or more, got "
              + resendHorizonDays
              + ".");
    }

    if (maxClientDayRowsPerTask <= 0) {
      throw new ConfigException(
          "--max-client-day-rows-per-task must be a positive number of"
              + " rows, got "
              + maxClientDayRowsPerTask
              + ".");
    }

    return new IngestWriteOptions(resendHorizonDays, maxClientDayRowsPerTask);
  }
}
