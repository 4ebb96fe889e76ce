package io.micromodels.evaluation.gate;

/** The outcome of one gate check. */
public enum CheckStatus {
  /** The bound holds. */
  PASS("✓"),
  /** The bound does not hold, or the candidate's value could not be measured: blocks a release. */
  FAIL("✗"),
  /** The bound needs a champion and there is none (a first release): does not block. */
  NOT_CHECKED("–");

  private final String symbol;

  CheckStatus(String symbol) {
    this.symbol = symbol;
  }

  /** The happy-path table's mark: ✓, ✗ or –. */
  public String symbol() {
    return symbol;
  }
}
