package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** Placeholder, replaced by the real `sample` command. */
@Command(name = "sample", description = "(being built)")
final class SampleCommand implements Runnable {
  @Override
  public void run() {}
}
