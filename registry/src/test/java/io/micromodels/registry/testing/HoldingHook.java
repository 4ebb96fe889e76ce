package io.micromodels.registry.testing;

import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.PublishHook;

/**
 * A publish hook that holds the process at one pause point until a crash test kills it: it prints
 * {@value #MARKER} and the point's label on stdout and sleeps.
 *
 * @param wanted a point's label, or {@code <label>@<client>} to hold only a publish of that client
 */
public record HoldingHook(String wanted) implements PublishHook {
  public static final String MARKER = "MICROMODELS_PUBLISH_PAUSED_AT";
  private static final long HOLD_MILLIS = 600_000;

  @Override
  public void reached(PausePoint point, ModelRef publishing) {
    if (!point.label().equals(wanted)
        && !(point.label() + "@" + publishing.client()).equals(wanted)) {
      return;
    }

    System.out.println(MARKER + " " + point.label());
    System.out.flush();
    try {
      Thread.sleep(HOLD_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    throw new IllegalStateException(
        "publish held at " + point.label() + " for " + HOLD_MILLIS + " ms and was not killed");
  }
}
