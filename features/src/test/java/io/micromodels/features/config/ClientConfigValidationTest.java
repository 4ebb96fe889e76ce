package io.micromodels.features.config;

import static io.micromodels.features.config.ClientConfigLoaderTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid config fails with a message naming the file, the key and what was expected. */
class ClientConfigValidationTest {
  private static final String POLICY = "policy:\n  global_threshold: {prevent_at: 80}\n";

  @TempDir Path dir;

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        // client_id
        bad(POLICY, "key `client_id`: missing; expected a non-empty string"),
        bad(
            "client_id: other\n" + POLICY,
            "key `client_id`: 'other' must equal the file name 'acme'"),
        bad(
            "client_id: Acme!\n" + POLICY,
            "key `client_id`: invalid value; expected lower-case letters, digits"),
        bad(
            "client_id: ../x\n" + POLICY,
            "key `client_id`: invalid value; expected lower-case letters, digits, '-' and '_'"
                + " ([a-z0-9][a-z0-9_-]{0,62}), found \"../x\""),
        // YAML tags construct nothing: the value is read as what it is
        // a tag would make Jackson decode the value (or ignore the tag): refused like an alias
        bad(
            "client_id: !!binary YWNtZQ==\n" + POLICY,
            "key `client_id`: a YAML tag tag:yaml.org,2002:binary at line 1"),
        // unknown keys, with a suggestion where one is close
        bad(
            MINIMAL + "time_zon: UTC\n",
            "key `time_zon`: unknown key; expected one of [assertions, auto_promote"),
        bad(MINIMAL + "time_zon: UTC\n", "(did you mean `time_zone`?)"),
        bad(
            "client_id: acme\npolicy:\n  thresholds: {reveiw_at: 60, prevent_at: 80}\n",
            "key `policy.thresholds.reveiw_at`: unknown key; expected one of [exceptions,"
                + " prevent_at, review_at] (did you mean `review_at`?)"),
        bad(
            MINIMAL + "training: {rows_cap: 1000}\n",
            "key `training.rows_cap`: unknown key; expected one of [row_cap, train_days,"
                + " validation_days] (did you mean `row_cap`?)"),
        // types and ranges
        bad(
            MINIMAL + "min_fraud_labels: many\n",
            "key `min_fraud_labels`: invalid value; expected a whole number within 1..1000000,"
                + " found \"many\""),
        bad(
            MINIMAL + "min_fraud_labels: 10000000000\n",
            "key `min_fraud_labels`: invalid value; expected a whole number within 1..1000000"),
        bad(
            MINIMAL + "auto_promote: yes please\n",
            "key `auto_promote`: invalid value; expected true or false"),
        bad(
            MINIMAL + "regions: [DE, AT]\n",
            "key `regions`: invalid value; expected a mapping of keys to values"),
        bad(
            MINIMAL + "time_zone: Mars/Olympus\n",
            "key `time_zone`: invalid value; expected an IANA time zone"),
        bad(
            MINIMAL + "night_hours: {from: 22}\n",
            "key `night_hours.to`: missing; expected a local hour 0..23"),
        bad(
            MINIMAL + "night_hours: {from: 24, to: 6}\n",
            "key `night_hours.from`: invalid value; expected a whole number within 0..23,"
                + " found 24"),
        bad(
            MINIMAL + "night_hours: {from: 22, to: \"6am\"}\n",
            "key `night_hours.to`: invalid value; expected a whole number within 0..23"),
        bad(
            MINIMAL + "night_hours: {from: 6, to: 6}\n",
            "key `night_hours.to`: `to` (6) must differ from `from`"),
        bad(
            MINIMAL + "night_hours: {start: 22, to: 6}\n",
            "key `night_hours.start`: unknown key; expected one of [from, to]"),
        bad(
            MINIMAL + "night_hours: 22-6\n",
            "key `night_hours`: invalid value; expected a mapping of keys to values"),
        bad(
            MINIMAL + "decision_event_types: [Order]\n",
            "key `decision_event_types[0]`: invalid value; expected an event type"),
        bad(
            MINIMAL + "label: {scope: household}\n",
            "key `label.scope`: invalid value; expected event or customer"),
        bad(
            MINIMAL + "label: {event_types: [chargeback], fraud_without_label: [fraud_report]}\n",
            "key `label.fraud_without_label`: invalid value; expected label event types listed in"
                + " label.event_types [chargeback], not fraud_report"),
        bad(
            MINIMAL + "backtest: {min_label_completeness: 1.5}\n",
            "key `backtest.min_label_completeness`: invalid value; expected a number within"
                + " 0.0..1.0"),
        bad(
            MINIMAL + "label: {delay_days: 400}\n",
            "key `label.delay_days`: invalid value; expected a whole number within 0..365"),
        // absurd windows and numbers
        bad(
            MINIMAL + "label: {delay_days: -1}\n",
            "key `label.delay_days`: invalid value; expected a whole number within 0..365,"
                + " found -1"),
        bad(
            MINIMAL + "training: {train_days: -5}\n",
            "key `training.train_days`: invalid value; expected a whole number within 7..730,"
                + " found -5"),
        bad(
            MINIMAL + "training: {train_days: 99999999999999999999999}\n",
            "key `training.train_days`: invalid value; expected a whole number within 7..730,"
                + " found 99999999999999999999999"),
        bad(
            MINIMAL + "training: {train_days: 1e308}\n",
            "key `training.train_days`: invalid value; expected a whole number within 7..730"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: count, windows: [-7d]}]\n",
            "key `features[0].windows[0]`: invalid value; expected a window like 1h"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: count, windows: [0d]}]\n",
            "key `features[0].windows[0]`: invalid value; expected a window like 1h"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: count, windows: [99999999999999d]}]\n",
            "(at most 730d), found \"99999999999999d\""),
        // anchors and aliases: Jackson would read *r as the text "r"; refused, so no alias bomb
        bad(
            MINIMAL + "regions: &r {EU: [DE]}\ndecision_event_types: *r\n",
            "key `decision_event_types`: a YAML alias *r at line 5, column 23; expected the value"
                + " written out (anchors, aliases, merge keys and tags are not supported)"),
        bad(
            MINIMAL + "training: &t {train_days: 60}\nbacktest: {folds: 2, x: *t}\n",
            "key `backtest.x`: a YAML alias *t"),
        bad(MINIMAL + billionLaughs(), "key `b[0]`: a YAML alias *a at line 5"),
        // regions
        bad(
            MINIMAL + "regions: {EU: [DE, de]}\n",
            "key `regions.EU[1]`: invalid value; expected an ISO 3166-1 alpha-2 code"),
        bad(
            MINIMAL + "regions: {EU: [DE], DACH: [DE]}\n",
            "key `regions.DACH[0]`: DE is already in region EU"),
        bad(
            MINIMAL + "regions: {EU: []}\n",
            "key `regions.EU`: invalid value; expected a non-empty list of countries"),
        // policy
        bad(
            "client_id: acme\npolicy:\n  thresholds: {review_at: 90, prevent_at: 80}\n",
            "key `policy.thresholds`: review_at (90.0) must not exceed prevent_at (80.0)"),
        bad(
            "client_id: acme\npolicy:\n  thresholds: {review_at: 60, prevent_at: 180}\n",
            "key `policy.thresholds.prevent_at`: invalid value; expected a number within"
                + " 0.0..100.0, found 180"),
        bad(
            "client_id: acme\npolicy:\n  thresholds: {review_at: 60, prevent_at: 80}\n"
                + "  global_threshold: {prevent_at: 80}\n",
            "key `policy`: exactly one policy style is needed"),
        bad(
            "client_id: acme\npolicy: {stability: {mode: block_rate_at_threshold}}\n",
            "key `policy`: exactly one policy style is needed"),
        bad("client_id: acme\n", "key `policy`: missing"),
        bad(
            "client_id: acme\nregions: {EU: [DE]}\npolicy:\n  block_rate_targets: {US: 0.01}\n",
            "key `policy.block_rate_targets.US`: region `US` is not declared under `regions` [EU]"),
        bad(
            "client_id: acme\nregions: {EU: [DE]}\npolicy:\n  block_rate_targets: {EU: 0.7}\n",
            "key `policy.block_rate_targets.EU`: invalid value; expected a number within"
                + " 1.0E-4..0.2"),
        bad(
            "client_id: acme\nregions: {EU: [DE]}\npolicy:\n"
                + "  block_rate_targets: {EU: {review_rate: 0.01}}\n",
            "key `policy.block_rate_targets.EU.block_rate`: missing"),
        bad(
            "client_id: acme\npolicy:\n  thresholds:\n    review_at: 60\n    prevent_at: 80\n"
                + "    exceptions: [{segment: {country: ca}, prevent_at: 90}]\n",
            "key `policy.thresholds.exceptions[0].segment.country`: invalid value; expected an"
                + " ISO 3166-1 alpha-2 code"),
        bad(
            "client_id: acme\npolicy:\n  thresholds:\n    review_at: 60\n    prevent_at: 80\n"
                + "    exceptions: [{segment: {region: EU}, prevent_at: 90}]\n",
            "key `policy.thresholds.exceptions[0].segment.region`: region `EU` is not declared"),
        bad(
            "client_id: acme\npolicy:\n  thresholds:\n    review_at: 60\n    prevent_at: 80\n"
                + "    exceptions: [{segment: {brand: x}, prevent_at: 90}]\n",
            "key `policy.thresholds.exceptions[0].segment`: invalid value; expected one of"
                + " {country: XX}"),
        bad(
            "client_id: acme\npolicy:\n  thresholds:\n    review_at: 60\n    prevent_at: 80\n"
                + "    exceptions: [{segment: {category: wine}, prevent_at: 90},"
                + " {segment: {category: wine}, prevent_at: 95}]\n",
            "key `policy.thresholds.exceptions[1].segment`: segment category = wine has an"
                + " exception already"),
        bad(
            "client_id: acme\npolicy:\n  thresholds:\n    review_at: 60\n    prevent_at: 80\n"
                + "    exceptions: [{segment: {category: wine}, review_at: 95}]\n",
            "key `policy.thresholds.exceptions[0]`: review_at (95.0) must not exceed prevent_at"
                + " (80.0)"),
        bad(
            POLICY.replace("80}", "80}\n  stability: {mode: fraud_rate}") + "client_id: acme\n",
            "key `policy.stability.mode`: invalid value; expected block_rate_at_threshold or"
                + " fraud_rate_at_score"),
        // features
        bad(
            MINIMAL + "features: [{entity: customer_id, aggregate: count, windows: [7x]}]\n",
            "key `features[0].windows[0]`: invalid value; expected a window like 1h, 24h, 7d"),
        bad(
            MINIMAL + "features: [{entity: customer_id, aggregate: count, windows: [1000d]}]\n",
            "(at most 730d), found \"1000d\""),
        bad(
            MINIMAL
                + "features:\n  - {entity: customer_id, aggregate: count, windows: [7d]}\n"
                + "  - {entity: customer_id, aggregate: count, windows: [1d, 7d]}\n",
            "key `features[1]`: feature column `customer.count_7d` is declared twice"),
        bad(
            MINIMAL + "features: [{entity: device_id, aggregate: distinct_count, windows: [1d]}]\n",
            "key `features[0].of`: distinct_count needs `of`; expected the column whose distinct"
                + " values are counted"),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: count, of: customer_id,"
                + " windows: [1d]}]\n",
            "key `features[0].of`: only distinct_count takes `of`"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: label_rate, windows: [28d]}]\n",
            "key `features[0].delay`: label_rate needs a `delay`; expected a label delay in days"),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: label_rate, delay: 36h,"
                + " windows: [28d]}]\n",
            "key `features[0].delay`: invalid value; expected a delay in whole days like 7d"
                + " (1d..999d): the window ends that long before the event, found \"36h\""),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: count, delay: 0d, windows: [1d]}]\n",
            "key `features[0].delay`: invalid value; expected a delay in whole days like 7d"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: sum, delay: 7, windows: [1d]}]\n",
            "key `features[0].delay`: invalid value; expected a delay in whole days like 7d"
                + " (1d..999d): the window ends that long before the event, found 7"),
        bad(
            MINIMAL
                + "features:\n"
                + "  - {entity: ip, aggregate: count, delay: 7d, windows: [1d]}\n"
                + "  - {entity: ip, aggregate: count, delay: 7d, windows: [1d]}\n",
            "key `features[1]`: feature column `ip.count_1d_delay7d` is declared twice"),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: count, delay: 7d,"
                + " include_current: true, windows: [1d]}]\n",
            "key `features[0].include_current`: a window with a `delay` ends at t - delay and"
                + " cannot include the event at t; drop `include_current` or `delay`."),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: label_rate, delay: 7d,"
                + " include_current: true, windows: [28d]}]\n",
            "key `features[0].include_current`: a window with a `delay` ends at t - delay"),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: count, include_current: yes please,"
                + " windows: [1d]}]\n",
            "key `features[0].include_current`: invalid value; expected true or false"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: avg, empty_value: 1, windows: [1d]}]\n",
            "key `features[0].empty_value`: invalid value; expected 0 or null: the feature's value"
                + " when its window holds no event it reads (default for avg: null), found 1"),
        bad(
            MINIMAL
                + "features: [{entity: ip, aggregate: count, empty_value: none,"
                + " windows: [1d]}]\n",
            "key `features[0].empty_value`: invalid value; expected 0 or null: the feature's value"
                + " when its window holds no event it reads (default for count: 0),"
                + " found \"none\""),
        bad(
            MINIMAL
                + "features:\n"
                + "  - {entity: ip, aggregate: count, windows: [1d]}\n"
                + "  - {entity: ip, aggregate: count, empty_value: 0, windows: [1d]}\n",
            "key `features[1]`: feature column `ip.count_1d` is declared twice"),
        bad(
            MINIMAL + "features: [{entity: shoe_size, aggregate: count, windows: [1d]}]\n",
            "key `features[0].entity`: invalid value; expected an event column"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: median, windows: [1d]}]\n",
            "key `features[0].aggregate`: invalid value; expected one of count, sum"),
        bad(
            MINIMAL + "features: [{entity: ip, aggregate: count, windows: [1d], windws: [7d]}]\n",
            "key `features[0].windws`: unknown key; expected one of [aggregate, delay,"
                + " empty_value, entity, event_types, include_current, of, windows]"
                + " (did you mean `windows`?)"),
        // micromodels, combiner, regularisation
        bad(
            MINIMAL + "micromodels: [{name: m, type: tabular, inputs: [customer.magic_7d]}]\n",
            "key `micromodels[0].inputs`: `customer.magic_7d` is neither a declared feature column"
                + " nor a raw column"),
        bad(
            MINIMAL + "micromodels: [{name: m, type: tabular}]\n",
            "key `micromodels[0].inputs`: missing; expected the feature or raw columns"),
        bad(
            MINIMAL + "micromodels: [{name: m, type: neural}]\n",
            "key `micromodels[0].type`: invalid value; expected one of [binned, email,"
                + " order_items, tabular]"),
        bad(
            MINIMAL + "micromodels: [{name: m, type: binned}]\n",
            "key `micromodels[0].inputs`: missing; expected the feature or raw columns a binned"),
        bad(
            MINIMAL + "micromodels: [{name: m, type: email}, {name: m, type: email}]\n",
            "key `micromodels[1].name`: micromodel name `m` is used twice"),
        bad(
            MINIMAL + "combiner: {regularisation: {grid: [0.1], steps: 3}}\n",
            "key `combiner.regularisation`: expected either `grid`"),
        bad(
            MINIMAL + "combiner: {regularisation: {c_min: 0.01, c_max: 1}}\n",
            "key `combiner.regularisation.steps`: missing; expected c_min, c_max and steps"),
        bad(
            MINIMAL + "combiner: {regularisation: {c_min: 1, c_max: 0.01, steps: 3}}\n",
            "key `combiner.regularisation`: expected c_min <= c_max"),
        bad(
            MINIMAL + "combiner: {regularisation: {grid: [0.1, -1]}}\n",
            "key `combiner.regularisation.grid[1]`: invalid value; expected a number within"),
        bad(
            MINIMAL + "calibration: {method: beta}\n",
            "key `calibration.method`: invalid value; expected platt or isotonic"),
        // gates, training, backtest
        bad(
            MINIMAL + "gates: [{metric: pr_acu, max_drop: 0.02}]\n",
            "key `gates[0].metric`: unknown metric; expected one of [action_change_rate"),
        bad(MINIMAL + "gates: [{metric: pr_acu, max_drop: 0.02}]\n", "(did you mean `pr_auc`?)"),
        bad(
            MINIMAL + "gates: [{metric: pr_auc}]\n",
            "key `gates[0]`: a gate needs at least one of min, max, max_drop, max_increase"),
        bad(
            MINIMAL + "gates: [{metric: block_rate, min: 0.02, max: 0.01}]\n",
            "key `gates[0]`: min (0.02) must not exceed max (0.01)"),
        bad(
            MINIMAL + "training: {train_days: 30, validation_days: 30}\n",
            "key `training.validation_days`: validation_days (30) must be less than train_days"
                + " (30)"),
        bad(
            MINIMAL + "backtest: {folds: 13}\n",
            "key `backtest.folds`: invalid value; expected a whole number within 1..12, found 13"),
        bad(
            MINIMAL + "backtest: {reviews_per_day: 0}\n",
            "key `backtest.reviews_per_day`: invalid value; expected a whole number within"
                + " 1..100000, found 0"),
        // assertions
        bad(
            MINIMAL + "assertions: ../../etc/passwd\n",
            "key `assertions`: invalid value; expected a path relative to the config file's folder"
                + " that stays inside"),
        bad(MINIMAL + "assertions: ../../etc/passwd\n", "(`..` must not leave it)"),
        bad(MINIMAL + "assertions: /etc/passwd\n", "(absolute paths are not allowed)"),
        bad(MINIMAL + "assertions: ../clients/../../../x.csv\n", "(`..` must not leave it)"),
        bad(
            MINIMAL + "assertions: \"a\\0b.csv\"\n",
            "key `assertions`: invalid value; expected a path relative to the config file's folder"),
        bad(
            MINIMAL + "assertions: missing.csv\n",
            "key `assertions`: file missing.csv does not exist"),
        // not a mapping at all
        bad("- just\n- a list\n", "key `(top level)`: not a mapping; expected a YAML mapping"),
        bad(
            "",
            "key `(top level)`: not a mapping; expected a YAML mapping with client_id,"
                + " policy, ..., found an empty file"));
  }

  /** Files the YAML reader refuses: each error names the file and what was expected. */
  static Stream<Arguments> unreadableConfigs() {
    return Stream.of(
        Arguments.of(
            utf8(MINIMAL + "min_fraud_labels: .nan\n"),
            "at line 4, column 23: Malformed numeric value '.nan'; expected a finite number"),
        Arguments.of(
            utf8(MINIMAL + "gates: [{metric: pr_auc, min: -.inf}]\n"),
            "Malformed numeric value '-.inf'; expected a finite number"),
        Arguments.of(
            utf8(MINIMAL + "training: {train_days: 60, train_days: 90}\n"),
            "at line 4, column 38: Duplicate field 'train_days'; expected each key once"),
        Arguments.of(
            (MINIMAL + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
            "; expected a UTF-8 text file"),
        Arguments.of(
            MINIMAL.getBytes(StandardCharsets.UTF_16),
            "Invalid UTF-8 start byte 0xfe (at char #1, byte #-1); expected a UTF-8 text file"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("unreadableConfigs")
  void unreadableConfigsFailNamingFileAndExpectation(byte[] yaml, String message)
      throws IOException {
    Path file = ClientConfigLoaderTest.write(dir, "acme", "");
    Files.write(file, yaml);

    assertThatThrownBy(() -> ClientConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Cannot read client config " + file)
        .hasMessageContaining(message);
  }

  @Test
  void anAssertionsLinkLeadingOutOfTheFolderIsRefused() throws IOException {
    Path file = ClientConfigLoaderTest.write(dir, "acme", MINIMAL + "assertions: asserts.csv\n");
    Path outside = Files.writeString(Files.createTempFile("outside", ".csv"), "customer_id\n");
    try {
      Files.createSymbolicLink(file.resolveSibling("asserts.csv"), outside);

      assertThatThrownBy(() -> ClientConfigLoader.load(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("Invalid client config " + file + ": key `assertions`:")
          .hasMessageContaining(
              "(a link must not lead out of it: "
                  + dir.resolve("clients/asserts.csv")
                  + " is "
                  + outside.toRealPath()
                  + ")");
    } finally {
      Files.delete(outside);
    }
  }

  /** Nine levels of nine aliases each: 9^9 strings if anything expanded them. */
  private static String billionLaughs() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      String previous = "*" + (char) (level - 1);
      yaml.append(level)
          .append(": &")
          .append(level)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }

    return yaml.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("invalidConfigs")
  void invalidConfigsFailNamingFileKeyAndExpectation(String yaml, String message)
      throws IOException {
    Path file = ClientConfigLoaderTest.write(dir, "acme", yaml);

    assertThatThrownBy(() -> ClientConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid client config " + file + ": key `")
        .hasMessageContaining(message.replace("%DIR%", dir.toString()));
  }

  @Test
  void aKeyWrittenTwiceIsAnErrorNotASilentOverride() throws IOException {
    Path file = ClientConfigLoaderTest.write(dir, "acme", MINIMAL + "client_id: acme\n");

    assertThatThrownBy(() -> ClientConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Cannot read client config " + file)
        .hasMessageContaining("Duplicate field 'client_id'");
  }

  @Test
  void malformedYamlNamesTheFileAndLine() throws IOException {
    Path file = ClientConfigLoaderTest.write(dir, "acme", MINIMAL + "features: [{entity: ip\n");

    assertThatThrownBy(() -> ClientConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Cannot read client config " + file)
        .hasMessageContaining("line");
  }

  private static Arguments bad(String yaml, String message) {
    return Arguments.of(yaml, message);
  }
}
