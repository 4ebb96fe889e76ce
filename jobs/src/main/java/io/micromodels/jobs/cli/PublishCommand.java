package io.micromodels.jobs.cli;

import picocli.CommandLine.Command;

/** {@code micromodels publish --as-of T}: writes blessed models to the registry (issue #6). */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publishes each blessed candidate to the model registry (one version slot).")
final class PublishCommand extends StageCommand {
  PublishCommand() {
    super("publish", 6);
  }
}
