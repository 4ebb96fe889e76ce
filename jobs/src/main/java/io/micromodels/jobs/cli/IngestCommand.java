package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** Placeholder, replaced by the real `ingest` command. */
@Command(name = "ingest", description = "(being built)")
final class IngestCommand implements Runnable {
  @Override
  public void run() {}
}
