package io.micromodels.registry;

import java.util.Locale;

/** What a registry event did (one event per index commit). */
public enum EventKind {
  /** A version was released (gate passed, or forced). */
  PUBLISHED,
  /** A candidate was recorded as blocked by its gate; no version. */
  BLOCKED,
  /** A version became production; the previous production went back to published. */
  PROMOTED,
  /** Production went back to the previous production version; the current one is archived. */
  ROLLED_BACK,
  /**
   * A read of a version for production (promote, rollback, champion lookup) was refused: its files
   * no longer match their checksums. Changes nothing; recorded so the damage is seen.
   */
  REFUSED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventKind of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
