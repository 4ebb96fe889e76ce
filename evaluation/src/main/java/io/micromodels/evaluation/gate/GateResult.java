package io.micromodels.evaluation.gate;

import java.util.List;

/**
 * Every check of a client's gates. The gate passes when no check failed; checks that were not
 * checked (no champion) do not block.
 *
 * @param checks in the order of the client's gates, one per configured bound
 * @param passed whether no check failed
 * @param failures the reasons of the failed checks, in order
 */
public record GateResult(List<GateCheck> checks, boolean passed, List<String> failures) {
  public GateResult {
    checks = List.copyOf(checks);
    failures = List.copyOf(failures);
    if (passed != failures.isEmpty()) {
      throw new IllegalArgumentException("passed is " + passed + " with failures " + failures);
    }
  }

  /** The result of these checks: passed and failures follow from their statuses. */
  public static GateResult of(List<GateCheck> checks) {
    List<String> failures =
        checks.stream().filter(GateCheck::isFailed).map(GateCheck::reason).toList();
    return new GateResult(checks, failures.isEmpty(), failures);
  }

  /** The checks with this status, in order. */
  public List<GateCheck> withStatus(CheckStatus status) {
    return checks.stream().filter(c -> c.status() == status).toList();
  }
}
