package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** {@code micromodels train --as-of T [--clients ...]}: per-client training (issue #4). */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Trains each client's candidate model on the features known at --as-of.")
final class TrainCommand extends StageCommand {
  TrainCommand() {
    super("train", 4);
  }
}
