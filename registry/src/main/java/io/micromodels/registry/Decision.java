package io.micromodels.registry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What publish does with a candidate, and why.
 *
 * @param kind published (gate passed), blocked (a gate check failed) or forced (blocked, released
 *     anyway by a person)
 * @param failures the failed gate checks' reasons (empty when the gate passed)
 * @param actor who decided: the pipeline for published/blocked, the person for forced
 * @param reason a sentence: the gate's verdict, or the person's reason for forcing
 */
public record Decision(Kind kind, List<String> failures, String actor, String reason) {
  /** The three outcomes of DESIGN.md §4 Gate. */
  public enum Kind {
    PUBLISHED,
    BLOCKED,
    FORCED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Decision {
    Objects.requireNonNull(kind, "kind");
    failures = List.copyOf(failures);
    actor = RegistryErrors.required(actor, "actor");
    reason = RegistryErrors.required(reason, "reason");
    if (kind == Kind.PUBLISHED && !failures.isEmpty()) {
      throw new IllegalArgumentException("a published decision has no failed checks: " + failures);
    }

    if (kind != Kind.PUBLISHED && failures.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.label() + " decision names the failed checks");
    }
  }

  /** A candidate whose gate passed. */
  public static Decision published(String actor) {
    return new Decision(Kind.PUBLISHED, List.of(), actor, "all gate checks passed");
  }

  /** A candidate the gate blocked, with the failed checks' reasons. */
  public static Decision blocked(List<String> failures, String actor) {
    return new Decision(
        Kind.BLOCKED, failures, actor, "blocked by the gate: " + String.join("; ", failures));
  }

  /** A blocked candidate released anyway: the person and their reason are recorded. */
  public Decision force(String person, String why) {
    if (kind != Kind.BLOCKED) {
      throw new RegistryException(
          "--force applies to a blocked candidate; this one is " + kind.label() + ".");
    }

    return new Decision(
        Kind.FORCED,
        failures,
        person,
        "forced by "
            + RegistryErrors.required(person, "actor")
            + ": "
            + RegistryErrors.required(why, "reason"));
  }

  /** Whether the candidate gets a version. */
  public boolean releases() {
    return kind != Kind.BLOCKED;
  }
}
