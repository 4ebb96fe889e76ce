package io.micromodels.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.spark.DriverTraffic;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.jobs.cli.MicromodelsCli;
import io.micromodels.registry.ManifestValidator;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.spark.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * End to end: {@code run nightly} on two consecutive as-of dates over the sample's two small
 * clients (data made by the sample generator) plus a broken config. Night one: voltmart passes its
 * gate, is published and auto-promoted (a first release: nothing to compare with); tripwise's
 * impossible gate blocks it; the broken config fails only its client and makes the exit code 2.
 * Night two: voltmart's candidate is compared with night one's production model on the days neither
 * trained on, published as v2 and promoted; night one's state stays readable. Then the weekly walks
 * voltmart's production model forward with its drift; tripwise has no production model to walk.
 */
class PipelinesEndToEndTest {
  @Test
  void twoNightsReleaseThenCompareWithTheChampionWhileBrokenAndBlockedClientsStayContained()
      throws Exception {
    SharedSpark.session();
    Path root = SharedSpark.newDirectory("nightly");
    Path warehouse = root.resolve("wh");
    SampleConfigs.copy(root, "voltmart", SampleConfigs.VOLTMART_GATES);
    // every window counts as mature, so the absolute roc_auc bound is checked on the holdout
    SampleConfigs.copy(
        root,
        "tripwise",
        "gates: [{metric: roc_auc, min: 0.9999}]\n" + "backtest: {min_label_completeness: 0}\n");
    Path configs = root.resolve("configs");
    Files.writeString(configs.resolve("broken.yaml"), "client_id: broken\nno_such_key: 1\n");

    SparkContext context = SharedSpark.session().sparkContext();
    DriverTraffic traffic = DriverTraffic.attach(context);
    String first =
        nightly(
            warehouse,
            configs,
            "2025-10-06",
            "--input",
            "../data-samples/events/voltmart",
            "../data-samples/events/tripwise");
    traffic.awaitDelivered(context);
    context.removeSparkListener(traffic);
    Map<String, DriverTraffic.Bytes> driverBytes = traffic.byStage();
    for (String stage : List.of("ingest", "features", "train", "backtest", "publish and promote")) {
      assertThat(driverBytes.get(stage))
          .as("driver bytes of %s in %s", stage, driverBytes)
          .matches(b -> b.taskResults() > 0 && b.broadcasts() > 0);
    }

    assertThat(first)
        .containsPattern("client +config +train +gate +publish +promote +note")
        .containsPattern("broken +invalid +- +- +- +- +Invalid client config .*broken.yaml")
        .containsPattern(
            "tripwise +ok +(trained|fallback) +blocked +blocked +- +blocked by the"
                + " gate: roc_auc")
        .containsPattern(
            "voltmart +ok +(trained|fallback) +passed +v1 +v1 +report .*/backtests/"
                + "backtest-2025-10-06/voltmart/report.html")
        .containsPattern("registry: +file:.*/wh/registry")
        .containsPattern(
            "stages: +ingest [0-9.]+ s, features [0-9.]+ s, train [0-9.]+ s, "
                + "backtest [0-9.]+ s, publish and promote [0-9.]+ s")
        .contains("exit code: 2 (bad config)");
    assertThat(first.indexOf("broken "))
        .as("sorted by client")
        .isLessThan(first.indexOf("tripwise "))
        .isLessThan(first.indexOf("voltmart "));
    Registry registry =
        new Registry(
            SharedSpark.session(),
            new SparkSettings("local[2]", warehouse.toString(), Map.of()).tablePath("registry"));
    long afterFirstNight = registry.indexVersion();
    JsonNode v1 = manifest(registry, 1);
    assertThat(v1.path("champion_comparison").path("has_champion").asBoolean()).isFalse();

    String second = nightly(warehouse, configs, "2025-10-07");

    assertThat(second)
        .containsPattern("tripwise +ok +(trained|fallback) +blocked +blocked +- ")
        .containsPattern(
            "voltmart +ok +(trained|fallback) +passed +v2 +v2 +report .*/backtests/"
                + "backtest-2025-10-07/voltmart/report.html")
        .contains("exit code: 2 (bad config)");
    RegistryState state = registry.state();
    ModelRef voltmart = ModelRef.of("voltmart");
    assertThat(state.production(voltmart)).map(VersionEntry::version).hasValue(2);
    assertThat(state.versions(voltmart)).extracting(VersionEntry::version).containsExactly(1, 2);
    assertThat(registry.stateAt(afterFirstNight).production(voltmart))
        .as("night one's state by time travel")
        .map(VersionEntry::version)
        .hasValue(1);
    assertThat(state.versions(ModelRef.of("tripwise"))).isEmpty();
    assertThat(state.blocked(ModelRef.of("tripwise"))).hasSize(2);
    assertThat(state.models()).doesNotContain(ModelRef.of("broken"));

    JsonNode v2 = manifest(registry, 2);
    JsonNode comparison = v2.path("champion_comparison");
    assertThat(comparison.path("has_champion").asBoolean()).as(comparison.toString()).isTrue();
    assertThat(v2.path("gate").path("passed").asBoolean()).isTrue();
    assertThat(v2.path("metrics").toString())
        .as("labels known in the holdout: measurable")
        .doesNotContain("\"roc_auc\":\"NaN\"")
        .contains("roc_auc");
    Path report = warehouse.resolve("backtests/backtest-2025-10-07/voltmart/report.html");
    assertThat(Files.readString(report)).contains("Champion").contains("holdout");
    assertThat(warehouse.resolve("candidates/2025-10-07/voltmart/model.json")).exists();

    String weekly = run(warehouse, configs, "weekly", "2025-10-07", "--folds", "2");

    assertThat(weekly)
        .containsPattern(
            "client +config +production +backtest +gate +score PSI +worst input" + " +drift +note")
        .containsPattern("broken +invalid +- ")
        .containsPattern("tripwise +ok +- +- +- +- +- +- +no production model")
        .containsPattern(
            "voltmart +ok +as of 2025-10-07 +evaluated +(passed|blocked)"
                + " +[0-9]+\\.[0-9]{3} +[a-z_.0-9]+ [0-9]+\\.[0-9]{3} +(stable|moderate|shifted)"
                + " +report .*/backtests/weekly-2025-10-07/voltmart/report.html")
        .containsPattern("stages: .*drift [0-9.]+ s")
        .contains("exit code: 2 (bad config)");
    Path weeklyRun = warehouse.resolve("backtests/weekly-2025-10-07/voltmart");
    assertThat(Files.readString(weeklyRun.resolve("report.html")))
        .contains("Drift per fold")
        .contains("training window [");
    JsonNode drift =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(weeklyRun.resolve("metrics.json").toFile())
            .path("drift");
    assertThat(drift.path("variables").path("score").path("psi_per_fold")).hasSize(2);
  }

  /** The manifest of voltmart's version, as the registry serves it, valid against its schema. */
  private static JsonNode manifest(Registry registry, int version) {
    JsonNode manifest = registry.show(ModelRef.of("voltmart"), version).manifest();
    ManifestValidator.validate(manifest, "voltmart v" + version);
    return manifest;
  }

  private static String nightly(Path warehouse, Path configs, String asOf, String... more) {
    return run(warehouse, configs, "nightly", asOf, more);
  }

  private static String run(
      Path warehouse, Path configs, String pipeline, String asOf, String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--warehouse",
                warehouse.toString(),
                "run",
                pipeline,
                "--as-of",
                asOf,
                "--configs",
                configs.toString()));
    args.addAll(List.of(more));
    int code = cli.execute(args.toArray(String[]::new));
    assertThat(code).as(out + "\n" + err).isEqualTo(MicromodelsCli.EXIT_USAGE);
    return out.toString();
  }
}
