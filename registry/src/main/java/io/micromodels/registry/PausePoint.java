package io.micromodels.registry;

import java.util.Locale;

/**
 * Named points of a publish where a crash test holds the process to kill it there
 * (docs/registry.md, "Crash safety"). Production code only announces the points to its {@link
 * PublishHook}; a crash test injects one that holds the process there.
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

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
