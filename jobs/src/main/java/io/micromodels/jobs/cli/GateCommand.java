package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** {@code micromodels gate --as-of T}: blesses or blocks each candidate (issue #6). */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = "Checks each candidate's backtest against the release gates; exit 3 if blocked.")
final class GateCommand extends StageCommand {
  GateCommand() {
    super("gate", 6);
  }
}
