package io.micromodels.jobs.cli;

import io.micromodels.features.MicromodelsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A pipeline stage whose command line is fixed (the Airflow DAGs call it) but whose job arrives
 * with a later issue: it parses its arguments, then fails with exit code 1 naming that issue.
 */
abstract class StageCommand implements Callable<Integer> {
  private final String name;
  private final int issue;

  @Option(names = "--configs", description = "Folder of client configs.")
  Path configs;

  @Option(names = "--clients", split = ",", description = "Client ids (default: all configured).")
  List<String> clients;

  @Option(names = "--as-of", required = true, description = "As-of date or instant.")
  String asOf;

  StageCommand(String name, int issue) {
    this.name = name;
    this.issue = issue;
  }

  static String unavailable(String name, int issue) {
    return "`micromodels " + name + "` is not available in this build yet: the stage arrives with"
        + " issue #" + issue + ". Its command line is fixed already (the Airflow DAGs use it).";
  }

  @Override
  public Integer call() {
    throw new MicromodelsException(unavailable(name, issue));
  }
}
