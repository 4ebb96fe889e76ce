package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.PathSegment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * Hostile identifiers on the command line (docs/reliability.md): any text given as a client id, a
 * report id or a version is either refused while parsing (a usage error naming the option) or
 * accepted exactly when it follows the path-segment rule, so it can never name a folder outside its
 * parent.
 */
class CliIdentifierProperties {
  @Property(tries = 60)
  void aClientIdIsAcceptedOnlyWhenItIsOneSafeSegment(@ForAll("hostile") String id) {
    check(
        new String[] {"registry", "rollback", "--client", id, "--reason", "r"},
        "--client",
        id,
        PathSegment.ID.matcher(id).matches());
  }

  @Property(tries = 60)
  void aReportIdIsAcceptedOnlyWhenItIsOneSafeSegment(@ForAll("hostile") String id) {
    boolean accepted =
        check(
            new String[] {"backtest", "--as-of", "2025-10-07", "--report-id", id},
            "--report-id",
            id,
            PathSegment.RUN_ID.matcher(id).matches());
    if (accepted) {
      assertThat(id).doesNotContain("/", "\\").isNotIn(".", "..");
    }
  }

  @Property(tries = 60)
  void aVersionIsAPositiveNumber(@ForAll("hostile") String text) {
    boolean valid = text.matches("v?[1-9][0-9]{0,8}");
    check(
        new String[] {"registry", "show", "--client", "acme", "--model-version", text},
        "--model-version",
        text,
        valid);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "..",
            ".",
            "/",
            "\\",
            "acme",
            "v",
            "1",
            "-",
            "_",
            ":",
            "+",
            "%2e",
            "\u0000",
            " ",
            "\n",
            "é",
            "A",
            "x".repeat(70),
            "",
            ",",
            "~",
            "$HOME");
    return Arbitraries.oneOf(
        pieces.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(140));
  }

  /** Parses; returns whether the value was accepted, asserting it is exactly when it should be. */
  private static boolean check(String[] args, String option, String value, boolean valid) {
    try {
      MicromodelsCli.newCommandLine().parseArgs(args);
    } catch (CommandLine.ParameterException refused) {
      if (refused.getMessage().contains("Invalid value for option '" + option + "'")) {
        assertThat(valid).as(value + ": " + refused.getMessage()).isFalse();
        return false;
      }

      // picocli may read a value starting with '-' as an option, and then miss the value
      assertThat(value).as(refused.getMessage()).startsWith("-");
      return false;
    }

    assertThat(valid).as(value + " was accepted").isTrue();
    return true;
  }
}
