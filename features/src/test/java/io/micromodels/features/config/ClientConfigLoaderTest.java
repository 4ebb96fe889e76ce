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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigLoaderTest {
  /** The bundled sample configs, relative to the features module's folder. */
  static final Path SAMPLES = Path.of("../data-samples/clients");

  static final String MINIMAL = "client_id: acme\npolicy:\n  global_threshold: {prevent_at: 80}\n";

  @TempDir Path dir;

  @Test
  void everyBundledSampleConfigLoads() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(SAMPLES);

    assertThat(configs)
        .extracting(c -> c.clientId().value())
        .containsExactly("dashfood", "modehaus", "tripwise", "voltmart");
    assertThat(configs)
        .allSatisfy(
            c -> {
              assertThat(c.micromodels())
                  .extracting(MicromodelSpec::type)
                  .containsExactlyInAnyOrder("email", "order_items", "tabular");
              assertThat(c.requireAssertionsFile())
                  .isEqualTo(
                      SAMPLES
                          .resolve("../assertions/" + c.clientId() + ".csv")
                          .toAbsolutePath()
                          .normalize());
              assertThat(c.source().getFileName()).hasToString(c.clientId() + ".yaml");
            });
  }

  @Test
  void samplesCoverTheThreePolicyStylesAndStability() {
    Map<String, ClientConfig> byId = byId(ClientConfigLoader.loadAll(SAMPLES));

    assertThat(byId.get("dashfood").policy().style()).isInstanceOf(Policy.Thresholds.class);
    assertThat(byId.get("modehaus").policy().style()).isInstanceOf(Policy.BlockRateTargets.class);
    assertThat(byId.get("voltmart").policy().style()).isInstanceOf(Policy.GlobalThreshold.class);
    assertThat(byId.get("tripwise").policy().stability())
        .isEqualTo(Policy.Stability.BLOCK_RATE_AT_THRESHOLD);
    assertThat(byId.get("tripwise").label().scope()).isEqualTo(LabelSpec.Scope.CUSTOMER);
  }

  @Test
  void dashfoodIsReadIntoTypedRecords() {
    ClientConfig dashfood = ClientConfigLoader.load(SAMPLES.resolve("dashfood.yaml"));

    assertThat(dashfood.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(dashfood.label())
        .isEqualTo(new LabelSpec(LabelSpec.Scope.EVENT, 60, LabelSpec.DEFAULT_EVENT_TYPES));
    assertThat(dashfood.featureColumns())
        .contains(
            "customer.order_count_1h",
            "customer.amount_avg_30d",
            "customer.amount_ratio_30d",
            "device.distinct_customers_1d",
            "fingerprint.distinct_customers_7d",
            "email_domain.account_created_count_24h",
            "ip.count_1h",
            "attributes.store.fraud_rate_28d_delay7d");
    Policy.Thresholds thresholds = (Policy.Thresholds) dashfood.policy().style();
    assertThat(thresholds.reviewAt()).isEqualTo(60);
    assertThat(thresholds.exceptions())
        .first()
        .isEqualTo(new Policy.SegmentThreshold("category", "spirits", 50, 80));
    assertThat(thresholds.exceptions().get(2))
        .isEqualTo(new Policy.SegmentThreshold("country", "CA", 60, 90));
    assertThat(dashfood.features().get(8).delay()).isEqualTo(Duration.ofDays(7));
    assertThat(dashfood.autoPromote()).isTrue();
  }

  @Test
  void modehausBlockRateTargetsAreSharesPerDeclaredRegion() {
    ClientConfig modehaus = ClientConfigLoader.load(SAMPLES.resolve("modehaus.yaml"));

    Policy.BlockRateTargets targets = (Policy.BlockRateTargets) modehaus.policy().style();
    assertThat(targets.regions()).containsOnlyKeys("DACH", "UK", "WEST");
    assertThat(targets.regions().get("DACH")).isEqualTo(new Policy.RegionTarget(0.007, null));
    assertThat(targets.regions().get("UK")).isEqualTo(new Policy.RegionTarget(0.006, 0.01));
    assertThat(modehaus.regionOf("CH")).isEqualTo("DACH");
    assertThat(modehaus.regionOf("US")).isNull();
    assertThat(modehaus.regions().keySet()).containsExactly("DACH", "UK", "WEST");
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
    assertThat(config.training()).isEqualTo(TrainingSpec.defaults());
    assertThat(config.backtest()).isEqualTo(BacktestSpec.defaults());
    assertThat(config.autoPromote()).isFalse();
    assertThat(config.assertionsFile()).isEmpty();
    assertThatThrownBy(config::requireAssertionsFile)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key `assertions` is needed here");
  }

  @Test
  void trainingBacktestAndRegularisationRangesAreRead() throws IOException {
    ClientConfig config =
        ClientConfigLoader.load(
            write(
                "acme",
                MINIMAL
                    + "training: {train_days: 120, validation_days: 21, row_cap: 500000}\n"
                    + "backtest: {folds: 6, test_days: 14, reviews_per_day: 25}\n"
                    + "combiner: {regularisation: {c_min: 0.001, c_max: 1, steps: 4}}\n"));

    assertThat(config.training()).isEqualTo(new TrainingSpec(120, 21, 500_000));
    assertThat(config.backtest()).isEqualTo(new BacktestSpec(6, 90, 14, 25));
    assertThat(config.model().combinerRegularisation().grid())
        .hasSize(4)
        .startsWith(0.001)
        .endsWith(1.0);
    assertThat(config.model().combinerRegularisation().grid().get(1))
        .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void assertionsMayLiveBesideTheConfigOrInTheFolderAboveIt() throws IOException {
    Files.createDirectories(dir.resolve("assertions"));
    Files.writeString(dir.resolve("assertions/acme.csv"), "customer_id\nc1\n");
    Path file = write("acme", MINIMAL + "assertions: ../assertions/acme.csv\n");

    ClientConfig config = ClientConfigLoader.load(file);

    assertThat(config.requireAssertionsFile()).isEqualTo(dir.resolve("assertions/acme.csv"));
    Files.delete(dir.resolve("assertions/acme.csv"));
    assertThatThrownBy(config::requireAssertionsFile)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void hashIsStableAcrossLoadsFormattingAndLocation() throws IOException {
    String first = ClientConfigLoader.load(write("acme", MINIMAL)).configHash();
    String again = ClientConfigLoader.load(write("acme", MINIMAL)).configHash();
    String reordered =
        ClientConfigLoader.load(
                write(
                    "acme",
                    "# comment\npolicy: {global_threshold: {prevent_at: 80.0}}\nclient_id: acme\n"))
            .configHash();
    String defaultsSpelledOut =
        ClientConfigLoader.load(
                write(
                    "acme",
                    MINIMAL
                        + "time_zone: UTC\nmin_fraud_labels: 30\nlabel: {delay_days: 30}\n"
                        + "night_hours: {from: 22, to: 6}\nbacktest: {reviews_per_day: 10}\n"))
            .configHash();
    Path elsewhere = Files.createDirectories(dir.resolve("other/place")).resolve("acme.yaml");
    String moved = ClientConfigLoader.load(Files.writeString(elsewhere, MINIMAL)).configHash();

    assertThat(first).matches("[0-9a-f]{64}");
    assertThat(List.of(again, reordered, defaultsSpelledOut, moved)).containsOnly(first);
  }

  @Test
  void hashChangesWhenAnEffectiveValueChanges() throws IOException {
    String first = ClientConfigLoader.load(write("acme", MINIMAL)).configHash();

    assertThat(
            List.of(
                MINIMAL.replace("80", "81"),
                MINIMAL + "time_zone: Europe/Berlin\n",
                MINIMAL + "night_hours: {from: 23, to: 6}\n",
                MINIMAL + "backtest: {folds: 5}\n",
                MINIMAL + "backtest: {reviews_per_day: 20}\n",
                MINIMAL + "gates: [{metric: pr_auc, max_drop: 0.03}]\n",
                MINIMAL + "features: [{entity: ip, aggregate: count, windows: [1h]}]\n"))
        .allSatisfy(
            yaml ->
                assertThat(ClientConfigLoader.load(write("acme", yaml)).configHash())
                    .isNotEqualTo(first));
  }

  /** Stored features and models of another definition must not pass for this one. */
  @Test
  void hashChangesWhenAFeatureOptionChangesAndNotWhenItsDefaultIsSpelledOut() throws IOException {
    String feature = "{entity: ip, aggregate: count, windows: [1h]%s}";
    String plain = hash(feature, "");

    assertThat(
            List.of(
                hash(feature, ", delay: 1d"),
                hash(feature, ", delay: 2d"),
                hash(feature, ", include_current: true"),
                hash(feature, ", empty_value: null")))
        .doesNotHaveDuplicates()
        .doesNotContain(plain);
    assertThat(
            List.of(hash(feature, ", include_current: false"), hash(feature, ", empty_value: 0")))
        .containsOnly(plain);
  }

  private String hash(String feature, String options) throws IOException {
    return ClientConfigLoader.load(
            write("acme", MINIMAL + "features: [" + String.format(feature, options) + "]\n"))
        .configHash();
  }

  @Test
  void canonicalJsonSpellsOutDefaultsWithSortedKeys() {
    ClientConfig tripwise = ClientConfigLoader.load(SAMPLES.resolve("tripwise.yaml"));

    assertThat(tripwise.canonicalJson())
        .startsWith("{\"assertions\":\"../assertions/tripwise.csv\",\"auto_promote\":false,")
        .contains("\"backtest\":{\"folds\":4,\"test_days\":7,\"train_days\":90}")
        .contains("\"stability\":{\"mode\":\"block_rate_at_threshold\"}")
        .doesNotContain(SAMPLES.toAbsolutePath().normalize().toString());
  }

  @Test
  void duplicateClientIdsInOneFolderAreRejected() throws IOException {
    write("acme", MINIMAL);
    Files.writeString(dir.resolve("clients/acme.yml"), MINIMAL);

    assertThatThrownBy(() -> ClientConfigLoader.loadAll(dir.resolve("clients")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Client acme is configured twice")
        .hasMessageContaining("acme.yaml")
        .hasMessageContaining("acme.yml");
  }

  @Test
  void loadAllOfAMissingFolderSaysSo() {
    assertThatThrownBy(() -> ClientConfigLoader.loadAll(dir.resolve("nowhere")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void recordsAreImmutable() throws IOException {
    ClientConfig config =
        ClientConfigLoader.load(
            write(
                "acme",
                MINIMAL
                    + "regions: {EU: [DE]}\nfeatures: [{entity: ip, aggregate: count, windows: [1h]}]\n"));

    assertThatThrownBy(() -> config.features().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.regions().get("EU").add("FR"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.gates().add(GateSpec.defaults().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void overridesMergeIntoTheFileAndAreValidatedLikeIt() throws IOException {
    Path file = write("acme", MINIMAL + "training: {train_days: 90, validation_days: 10}\n");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

    ClientConfig merged =
        ClientConfigLoader.load(
            file, mapper.readTree("{\"training\": {\"train_days\": 60}, \"min_fraud_labels\": 5}"));

    assertThat(merged.training().trainDays()).isEqualTo(60);
    assertThat(merged.training().validationDays()).isEqualTo(10);
    assertThat(merged.minFraudLabels()).isEqualTo(5);
    assertThat(merged.configHash()).isNotEqualTo(ClientConfigLoader.load(file).configHash());
    assertThatThrownBy(
            () ->
                ClientConfigLoader.load(
                    file, mapper.readTree("{\"training\": {\"train_dayz\": 60}}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train_dayz");
    assertThatThrownBy(() -> ClientConfigLoader.load(file, mapper.readTree("[1]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be a JSON object");
  }

  private static Map<String, ClientConfig> byId(List<ClientConfig> configs) {
    return configs.stream()
        .collect(java.util.stream.Collectors.toMap(c -> c.clientId().value(), c -> c));
  }

  private Path write(String name, String yaml) throws IOException {
    return write(dir, name, yaml);
  }

  static Path write(Path dir, String name, String yaml) throws IOException {
    Path clients = Files.createDirectories(dir.resolve("clients"));
    return Files.writeString(clients.resolve(name + ".yaml"), yaml);
  }
}
