package io.micromodels.jobs.cli;

import io.micromodels.features.MicromodelsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code micromodels run nightly|weekly}: the whole pipeline (issue #6). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the nightly or weekly pipeline for every configured client.")
final class RunCommand implements Callable<Integer> {
  /** Which pipeline. */
  enum Pipeline { nightly, weekly }

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "nightly or weekly.")
  Pipeline pipeline;

  @Option(names = "--configs", description = "Folder of client configs.")
  Path configs;

  @Option(names = "--as-of", description = "As-of date or instant (default: yesterday).")
  String asOf;

  @Override
  public Integer call() {
    throw new MicromodelsException(StageCommand.unavailable("run " + pipeline, 6));
  }
}
