package io.micromodels.jobs.cli;

import io.micromodels.features.spark.SparkSessions;
import io.micromodels.jobs.bench.IngestBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code micromodels bench}: benchmarks that compare our path with a baseline in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (docs/benchmarks.md); figures go to bench-results/*.json.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand MicromodelsCli root;

  @Parameters(index = "0", paramLabel = "WHAT", description = "Benchmark to run: ingest.")
  String what;

  @Option(names = "--input", required = true, description = "Generated event files (a folder).")
  String input;

  @Option(names = "--out", description = "Result file (default: bench-results/<stage>-<what>.json).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!what.equals("ingest")) {
      throw new picocli.CommandLine.ParameterException(
          root.spec.commandLine(), "Unknown benchmark '" + what + "'; expected: ingest.");
    }

    SparkSession spark = SparkSessions.create("micromodels-bench", root.global.sparkSettings());
    Path scratch = Files.createTempDirectory("micromodels-bench-");
    Map<String, Object> result = new IngestBenchmark(spark, scratch).run(input);
    Path file = out != null ? out : Path.of("bench-results", "ingest-throughput.json");
    IngestBenchmark.write(result, file);
    System.out.println(result);
    System.out.println("written to " + file);
    return MicromodelsCli.EXIT_OK;
  }
}
