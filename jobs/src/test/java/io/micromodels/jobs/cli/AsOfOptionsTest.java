package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.AsOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The as-of table resolved through every command's real option parsing: each option that takes an
 * as-of gives the same instant for the same text, and a bad text is a usage error (exit 2) naming
 * the option, before anything starts.
 */
class AsOfOptionsTest {
  /** Every command line with an as-of option, the text replaced by {@code %s}. */
  private static final Map<String, String> COMMANDS =
      Map.of(
          "features --as-of", "features|--from|2025-10-01|--to|2025-10-01|--as-of|%s",
          "gate --as-of", "gate|--as-of|%s",
          "bench --as-of", "bench|train|--as-of|%s",
          "run --as-of", "run|nightly|--as-of|%s",
          "train --as-of", "train|--as-of|%s",
          "publish --as-of", "publish|--as-of|%s",
          "backtest --as-of", "backtest|--as-of|%s",
          "backtest --labels-as-of", "backtest|--as-of|2018-01-01|--labels-as-of|%s",
          "export --as-of", "features|export|--from|2025-10-01|--to|2025-10-01|--as-of|%s|--out|x",
          "score --as-of", "score|--model|m.json|--from|2025-10-01|--to|2025-10-01|--as-of|%s");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2018-08-07,                  2018-08-07T23:59:59.999999Z",
    "2018-08-07T12:00:00Z,        2018-08-07T12:00:00.000000Z",
    "2018-08-07T14:00:00+02:00,   2018-08-07T12:00:00.000000Z",
    "2018-08-07T12:00:00,         2018-08-07T12:00:00.000000Z",
    "1533643199,                  2018-08-07T11:59:59.000000Z",
  })
  void everyCommandResolvesTheSameTextToTheSameInstant(String text, String printed) {
    COMMANDS.forEach(
        (option, line) -> {
          Instant resolved = parsedValue(option, line.formatted(text));
          assertThat(AsOf.format(resolved)).as(option + " " + text).isEqualTo(printed);
        });
  }

  @org.junit.jupiter.api.Test
  void theTableCoversEveryAsOfOptionOfTheCli() {
    List<String> declared = new ArrayList<>();
    collect(MicromodelsCli.newCommandLine(), declared);
    assertThat(new TreeSet<>(declared)).isEqualTo(new TreeSet<>(COMMANDS.keySet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2018-8-7", "2018-08-07 12:00"})
  void aBadAsOfIsAUsageErrorNamingTheOption(String text) {
    COMMANDS.forEach(
        (option, line) -> {
          java.io.StringWriter err = new java.io.StringWriter();
          CommandLine cli = MicromodelsCli.newCommandLine();
          cli.setErr(new java.io.PrintWriter(err));
          int exit = cli.execute(line.formatted(text).split("\\|"));
          assertThat(exit).as(option).isEqualTo(MicromodelsCli.EXIT_USAGE);
          String flag = option.substring(option.indexOf(' ') + 1);
          assertThat(err.toString())
              .as(option)
              .contains("Invalid value for option '" + flag + "'")
              .contains("'" + text + "' is not an as-of: expected a date");
        });
  }

  private static Instant parsedValue(String option, String line) {
    ParseResult result = MicromodelsCli.newCommandLine().parseArgs(line.split("\\|"));
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.matchedOption(option.substring(option.indexOf(' ') + 1)).getValue();
  }

  private static void collect(CommandLine command, List<String> declared) {
    for (OptionSpec o : command.getCommandSpec().options()) {
      if (o.longestName().endsWith("as-of")) {
        declared.add(command.getCommandName() + " " + o.longestName());
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, declared));
  }
}
