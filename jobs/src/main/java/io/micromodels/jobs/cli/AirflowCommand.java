package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** Placeholder, replaced by the real `airflow` command. */
@Command(name = "airflow", description = "(being built)")
final class AirflowCommand implements Runnable {
  @Override
  public void run() {}
}
