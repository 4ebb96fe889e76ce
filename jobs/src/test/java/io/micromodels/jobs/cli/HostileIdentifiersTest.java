package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The hostile-input probe's CLI cases (issue 30): each is a usage error, exit 2, naming the option,
 * raised while the command line is parsed, so before any Spark or file work.
 */
class HostileIdentifiersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "backtest --as-of 2025-10-07 --report-id ../../../x | --report-id | '../../../x' must match",
        "backtest --as-of 2025-10-07 --report-id .. | --report-id | '..' must match",
        "train --configs ../data-samples/clients --as-of 2025-10-07 --clients ,, | --clients | it names nothing",
        "train --as-of 2025-10-07 --clients acme,../etc | --clients | '../etc' must match",
        "registry promote --client ../etc --model-version 1 --reason r | --client | '../etc' must match",
        "registry promote --client acme --model-version v0 --reason r | --model-version | 'v0' is not a version",
        "registry promote --client acme --model-version 2x --reason r | --model-version | '2x' is not a version",
        "registry promote --client acme --model-version 1 --reason '  ' | --reason | it is blank",
        "registry rollback --client acme --reason '' | --reason | it is blank",
        "registry show --client acme --model acme/../x --model-version 1 | --model | must match",
        "publish --as-of 2025-10-07 --force --reason '' | --reason | it is blank",
      })
  void aHostileIdentifierIsAUsageErrorNamingTheOption(String line, String option, String says) {
    StringWriter err = new StringWriter();
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute(words(line));

    assertThat(exit).as(err.toString()).isEqualTo(MicromodelsCli.EXIT_USAGE);
    assertThat(err.toString()).contains("Invalid value for option '" + option + "'").contains(says);
  }

  @ParameterizedTest
  @CsvSource({"v3, 3", "3, 3", "v12, 12"})
  void aVersionIsReadAsRegistryListPrintsIt(String text, int version) {
    CommandLine.ParseResult parsed =
        MicromodelsCli.newCommandLine()
            .parseArgs(
                "registry",
                "promote",
                "--client",
                "acme",
                "--model-version",
                text,
                "--reason",
                "better");
    assertThat(
            parsed.subcommand().subcommand().matchedOption("--model-version").<Integer>getValue())
        .isEqualTo(version);
  }

  /** Splits on spaces; '' is an empty word and ' ' a blank one. */
  private static String[] words(String line) {
    java.util.List<String> words = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words.toArray(String[]::new);
  }
}
