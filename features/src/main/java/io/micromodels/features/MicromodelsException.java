package io.micromodels.features;

/**
 * Base of every user-facing error: bad input, bad configuration, missing data, an incompatible
 * artifact. Its message says what failed, on what, why and what to do. Bugs and broken invariants
 * use {@link IllegalStateException} / {@link IllegalArgumentException} instead. Only the CLI maps
 * these to exit codes (DESIGN.md §6).
 */
public class MicromodelsException extends RuntimeException {
  public MicromodelsException(String message) {
    super(message);
  }

  public MicromodelsException(String message, Throwable cause) {
    super(message, cause);
  }
}
