package io.micromodels.registry;

import java.util.Locale;

/**
 * Named points of a publish where a test can hold the process to kill it there
 * (docs/registry.md, "Crash safety"). Set {@value #ENV} to a point's label, or to
 * {@code <label>@<client>} to hold only a publish of that client: the publishing process prints
 * {@value #MARKER} and the label on stdout and sleeps until killed.
 */
public enum PausePoint {
  /** Files written to staging and verified; nothing in a version slot yet. */
  AFTER_STAGING,
  /** The folder is in its version slot; the index does not know it. */
  AFTER_MOVE,
  /** Checksums verified again in the slot; the index commit is next. */
  BEFORE_INDEX_COMMIT,
  /** The index commit is done: the version is published. */
  AFTER_INDEX_COMMIT,
  /** The promotions' index commit is done: the version is production. */
  AFTER_PROMOTE_COMMIT;

  public static final String ENV = "MICROMODELS_PUBLISH_PAUSE_AT";
  public static final String MARKER = "MICROMODELS_PUBLISH_PAUSED_AT";
  private static final long HOLD_MILLIS = 600_000;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Holds the process here when {@value #ENV} names this point (and this client, if it names
   * one); returns at once otherwise.
   */
  public void reach(ModelRef publishing) {
    String wanted = System.getenv(ENV);
    if (!label().equals(wanted) && !(label() + "@" + publishing.client()).equals(wanted)) {
      return;
    }

    System.out.println(MARKER + " " + label());
    System.out.flush();
    try {
      Thread.sleep(HOLD_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }

    throw new IllegalStateException("publish held at " + label() + " for " + HOLD_MILLIS
        + " ms and was not killed");
  }
}
