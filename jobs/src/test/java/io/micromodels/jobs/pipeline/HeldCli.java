package io.micromodels.jobs.pipeline;

import io.micromodels.jobs.cli.MicromodelsCli;
import io.micromodels.registry.PublishHook;
import io.micromodels.registry.testing.HoldingHook;

/**
 * The CLI with a publish pause point injected, for {@link KillAndRerunTest}'s child processes:
 * {@value #PAUSE_AT} names the point ({@code <label>} or {@code <label>@<client>}) the process is
 * held at until killed; without it the CLI runs as in production.
 */
public final class HeldCli {
  static final String PAUSE_AT = "MICROMODELS_PUBLISH_PAUSE_AT";

  private HeldCli() {}

  public static void main(String[] args) {
    String pauseAt = System.getenv(PAUSE_AT);
    PublishHook hook = pauseAt == null ? PublishHook.NONE : new HoldingHook(pauseAt);
    System.exit(MicromodelsCli.newCommandLine(hook).execute(args));
  }
}
