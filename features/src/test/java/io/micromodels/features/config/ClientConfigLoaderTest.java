package io.micromodels.features.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientConfigLoaderTest {
  private static final Path SAMPLES = Path.of("../data-samples/clients");
  private static final String MINIMAL =
      "client_id: acme\npolicy:\n  global_threshold: {prevent_at: 80}\n";

  @TempDir Path dir;

  @Test
  void everyBundledSampleConfigLoads() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(SAMPLES);

    assertThat(configs).extracting(c -> c.clientId().value())
        .containsExactly("dashfood", "modehaus", "tripwise", "voltmart");
    assertThat(configs).allSatisfy(c -> {
      assertThat(c.micromodels()).extracting(MicromodelSpec::type)
          .containsExactlyInAnyOrder("email", "order_items", "tabular");
      assertThat(c.assertions()).exists();
    });
  }

  @Test
  void samplesCoverTheThreePolicyStyles() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(SAMPLES);

    assertThat(configs).extracting(c -> c.policy().style().getClass().getSimpleName())
        .contains("Thresholds", "BlockRateTargets", "GlobalThreshold");
  }

  @Test
  void dashfoodIsReadIntoTypedRecords() {
    ClientConfig dashfood = ClientConfigLoader.load(SAMPLES.resolve("dashfood.yaml"));

    assertThat(dashfood.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(dashfood.label()).isEqualTo(new LabelSpec(LabelSpec.Scope.EVENT, 60,
        LabelSpec.DEFAULT_EVENT_TYPES));
    assertThat(dashfood.featureColumns()).contains(
        "customer.order_count_1h", "customer.amount_avg_30d", "customer.amount_ratio_30d",
        "device.distinct_customers_1d", "fingerprint.distinct_customers_7d",
        "email_domain.account_created_count_24h", "ip.count_1h",
        "attributes.store.fraud_rate_28d_delay7d");
    Policy.Thresholds thresholds = (Policy.Thresholds) dashfood.policy().style();
    assertThat(thresholds.reviewAt()).isEqualTo(60);
    assertThat(thresholds.exceptions()).first()
        .isEqualTo(new Policy.SegmentThreshold("category", "spirits", 50, 80));
    assertThat(thresholds.exceptions().get(2))
        .isEqualTo(new Policy.SegmentThreshold("country", "CA", 60, 90));
    assertThat(dashfood.features().get(8).delay()).isEqualTo(Duration.ofDays(7));
    assertThat(dashfood.autoPromote()).isTrue();
  }

  @Test
  void defaultsFillWhatAMinimalConfigLeavesOut() throws IOException {
    ClientConfig config = ClientConfigLoader.load(write("acme", MINIMAL));

    assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.decisionEventTypes()).containsExactly("order");
    assertThat(config.label()).isEqualTo(LabelSpec.defaults());
    assertThat(config.gates()).isEqualTo(GateSpec.defaults());
    assertThat(config.minFraudLabels()).isEqualTo(30);
    assertThat(config.model()).isEqualTo(ModelSpec.defaults());
  }

  @Test
  void hashIsStableAcrossLoadsAndFollowsValues() throws IOException {
    String first = ClientConfigLoader.load(write("acme", MINIMAL)).hash();
    String reordered = ClientConfigLoader.load(write("acme",
        "policy:\n  global_threshold: {prevent_at: 80}\nclient_id: acme\n")).hash();
    String changed = ClientConfigLoader.load(write("acme",
        MINIMAL.replace("80", "81"))).hash();

    assertThat(reordered).isEqualTo(first);
    assertThat(changed).isNotEqualTo(first);
  }

  @Test
  void duplicateClientIdsInOneFolderAreRejected() throws IOException {
    write("acme", MINIMAL);
    Files.writeString(dir.resolve("clients/acme.yml"), MINIMAL);

    assertThatThrownBy(() -> ClientConfigLoader.loadAll(dir.resolve("clients")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Client acme is configured twice");
  }

  static Stream<Arguments> invalidConfigs() {
    String policy = "policy:\n  global_threshold: {prevent_at: 80}\n";
    return Stream.of(
        Arguments.of("acme", policy, "key `client_id`: missing; expected a non-empty string"),
        Arguments.of("acme", "client_id: other\n" + policy,
            "key `client_id`: 'other' must equal the file name 'acme'"),
        Arguments.of("acme", "client_id: Acme!\n" + policy, "key `client_id`: invalid value"),
        Arguments.of("acme", MINIMAL + "time_zon: UTC\n",
            "key `time_zon`: unknown key; expected one of [assertions, auto_promote"),
        Arguments.of("acme", MINIMAL + "time_zon: UTC\n", "(did you mean `time_zone`?)"),
        Arguments.of("acme", MINIMAL + "min_fraud_labels: many\n",
            "key `min_fraud_labels`: invalid value; expected a whole number within 1..1000000,"
                + " found \"many\""),
        Arguments.of("acme", "client_id: acme\npolicy:\n  thresholds: {review_at: 90, prevent_at: 80}\n",
            "key `policy.thresholds`: review_at (90.0) must not exceed prevent_at (80.0)"),
        Arguments.of("acme", "client_id: acme\npolicy:\n  thresholds: {review_at: 60, prevent_at: 80}\n"
            + "  global_threshold: {prevent_at: 80}\n",
            "key `policy`: exactly one policy style is needed"),
        Arguments.of("acme", "client_id: acme\nregions: {EU: [DE]}\npolicy:\n"
            + "  block_rate_targets: {US: 0.01}\n",
            "key `policy.block_rate_targets.US`: region `US` is not declared under `regions` [EU]"),
        Arguments.of("acme", MINIMAL + "features:\n  - {entity: customer_id, aggregate: count,"
            + " windows: [7x]}\n",
            "key `features[0].windows[0]`: invalid value; expected a window like 1h, 24h, 7d"),
        Arguments.of("acme", MINIMAL + "features:\n  - {entity: customer_id, aggregate: count,"
            + " windows: [7d]}\n  - {entity: customer_id, aggregate: count, windows: [7d]}\n",
            "feature column `customer.count_7d` is declared twice"),
        Arguments.of("acme", MINIMAL + "features:\n  - {entity: device_id, aggregate:"
            + " distinct_count, windows: [1d]}\n",
            "key `features[0].of`: distinct_count needs `of`"),
        Arguments.of("acme", MINIMAL + "assertions: ../../etc/passwd\n",
            "key `assertions`: invalid value; expected a path relative to the config file that"
                + " stays inside"),
        Arguments.of("acme", MINIMAL + "assertions: /etc/passwd\n", "key `assertions`"),
        Arguments.of("acme", MINIMAL + "assertions: missing.csv\n", "missing.csv does not exist"),
        Arguments.of("acme", MINIMAL + "time_zone: Mars/Olympus\n",
            "key `time_zone`: invalid value; expected an IANA time zone"),
        Arguments.of("acme", MINIMAL + "micromodels:\n  - {name: m, type: tabular, inputs:"
            + " [customer.magic_7d]}\n",
            "`customer.magic_7d` is neither a declared feature column nor a raw column"),
        Arguments.of("acme", MINIMAL + "micromodels:\n  - {name: m, type: neural}\n",
            "key `micromodels[0].type`: invalid value; expected one of [email, order_items,"
                + " tabular]"),
        Arguments.of("acme", "client_id: acme\n", "key `policy`: missing"),
        Arguments.of("acme", "- just\n- a list\n", "(top level)`: not a mapping"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidConfigs")
  void invalidConfigsFailNamingFileKeyAndExpectation(String name, String yaml, String message)
      throws IOException {
    Path file = write(name, yaml);

    assertThatThrownBy(() -> ClientConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid client config " + file + ": key `")
        .hasMessageContaining(message);
  }

  private Path write(String name, String yaml) throws IOException {
    Path clients = dir.resolve("clients");
    Files.createDirectories(clients);
    Path file = clients.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
