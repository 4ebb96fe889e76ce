package io.micromodels.jobs.cli;

import io.micromodels.features.spark.SparkSessions;
import io.micromodels.jobs.sample.ClientSizes;
import io.micromodels.jobs.sample.SampleSpec;
import io.micromodels.jobs.sample.spark.SampleJob;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code micromodels sample}: a realistic multi-client event log, deterministic for a seed. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a multi-client event log (JSON Lines, gzip) with fraudsters, labels that arrive",
      "10-90 days after the order, and the live model's scores. Same seed => identical files.",
      "Large outputs are generated in parallel by Spark (one task per 5,000 customers)."
    })
final class SampleCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "Clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--customers",
      defaultValue = "2000",
      description = "Customers in total, split by client size (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--days",
      defaultValue = "150",
      description = "Days simulated (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--start", description = "First day, UTC (default: 2025-05-01).")
  LocalDate start = SampleSpec.DEFAULT_START;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--bad-rows-fraction",
      defaultValue = "0",
      description = "Hostile rows added per valid row, 0..1 (default: ${DEFAULT-VALUE}).")
  double badRowsFraction;

  @Option(
      names = "--compression",
      defaultValue = "GZIP",
      description = "GZIP or NONE (default: ${DEFAULT-VALUE}).")
  SampleSpec.Compression compression;

  @Option(
      names = "--first-customer",
      defaultValue = "0",
      description =
          "Index of the first customer, to keep two samples' ids apart (default: ${DEFAULT-VALUE}).")
  int firstCustomer;

  @Option(
      names = "--client-sizes",
      defaultValue = "ZIPF",
      description =
          "ZIPF (a few large clients, many small) or EQUAL_FRAUDS (every client expects "
              + "the same number of frauds, for per-client benchmarks) (default: ${DEFAULT-VALUE}).")
  ClientSizes clientSizes;

  @Option(names = "--out", required = true, description = "Output folder (must not hold events/).")
  String out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SampleSpec sample;
    try {
      sample =
          new SampleSpec(
              clients,
              customers,
              days,
              seed,
              start,
              badRowsFraction,
              compression,
              firstCustomer,
              clientSizes);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    long startNanos = System.nanoTime();
    Map<String, Object> summary =
        new SampleJob(SparkSessions.create("micromodels-sample", root.global.sparkSettings()))
            .run(sample, out);
    System.out.printf(
        "sample: %s rows in %.1f s under %s%n",
        summary.get("rows"), (System.nanoTime() - startNanos) / 1e9, out);
    System.out.println(summary.get("per_client"));
    return MicromodelsCli.EXIT_OK;
  }
}
