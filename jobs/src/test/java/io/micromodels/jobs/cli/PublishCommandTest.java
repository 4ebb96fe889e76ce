package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code publish} and {@code registry} end to end on a temporary warehouse: one client passes its
 * gate, one is blocked (exit 3), then forced; promote, rollback and the feed.
 */
class PublishCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "2026-03-01";
  private final StringWriter err = new StringWriter();

  /** What the last command printed on its out writer. */
  private String lastOut = "";

  @Test
  void publishRecordsBlockedCandidatesAndRegistryCommandsDriveTheVersions() throws Exception {
    SharedSpark.session();
    Path warehouse = SharedSpark.newDirectory("publish-cli").resolve("wh");
    String date = AS_OF;
    candidate(warehouse, date, "dashfood", true);
    candidate(warehouse, date, "modehaus", false);
    String[] common = {"--warehouse", warehouse.toString()};

    assertThat(
            run(
                common,
                "publish",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "dashfood,modehaus",
                "--as-of",
                AS_OF,
                "--actor",
                "nightly"))
        .as(err.toString())
        .isEqualTo(3);
    assertThat(lastOut)
        .containsPattern("dashfood +published v1 +file:.*/registry/models/dashfood/")
        .containsPattern("modehaus +blocked +blocked by the gate: pr_auc 0.300 < champion");

    assertThat(
            run(
                common,
                "publish",
                "--clients",
                "dashfood",
                "--configs",
                "../data-samples/clients",
                "--as-of",
                AS_OF))
        .as("a retried task")
        .isZero();
    assertThat(lastOut).containsPattern("dashfood +published v1 ");

    assertThat(
            run(
                common,
                "publish",
                "--clients",
                "modehaus",
                "--configs",
                "../data-samples/clients",
                "--as-of",
                AS_OF,
                "--force",
                "--reason",
                "label outage",
                "--actor",
                "alice"))
        .as(err.toString())
        .isZero();
    assertThat(lastOut).containsPattern("modehaus +forced v1");

    assertThat(
            run(
                common,
                "publish",
                "--clients",
                "modehaus",
                "--configs",
                "../data-samples/clients",
                "--as-of",
                AS_OF,
                "--force"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--force needs --reason");

    assertThat(
            run(
                common,
                "registry",
                "promote",
                "--client",
                "dashfood",
                "--model-version",
                "v7",
                "--reason",
                "no such version"))
        .as("an unknown version is bad usage")
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("Model micromodels.dashfood.fraud has no version 7; it has" + " [v1]");
    assertThat(
            run(
                common,
                "registry",
                "promote",
                "--client",
                "dashfood",
                "--model-version",
                "v1",
                "--reason",
                "first release",
                "--actor",
                "alice"))
        .isZero();
    assertThat(lastOut).contains("micromodels.dashfood.fraud: promoted v1 by alice");
    // a backtest's default champion is the client's production model
    var champions =
        io.micromodels.jobs.pipeline.ProductionModels.current(
            SharedSpark.session(),
            new io.micromodels.features.spark.SparkSettings(
                "local[2]", warehouse.toString(), java.util.Map.of()),
            io.micromodels.features.config.ClientConfigLoader.loadAll(
                Path.of("../data-samples/clients")));
    assertThat(champions).containsOnlyKeys("dashfood");
    assertThat(champions.get("dashfood").clientId()).isEqualTo("dashfood");
    assertThat(run(common, "registry", "list")).isZero();
    assertThat(lastOut)
        .contains("== micromodels.dashfood.fraud (0 blocked candidates)")
        .containsPattern("v1 +production .* alice: first release")
        .contains("== micromodels.modehaus.fraud (1 blocked candidates)")
        .containsPattern("v1 +published .* alice: forced by alice: label outage")
        .containsPattern("- +blocked .* nightly: blocked by the gate: pr_auc 0.300");

    Path feedFile = warehouse.resolveSibling("feed.json");
    assertThat(run(common, "registry", "feed", "--since", "1", "--out", feedFile.toString()))
        .isZero();
    JsonNode feed = JSON.readTree(feedFile.toFile());
    assertThat(feed.at("/cursor/next").asLong()).isEqualTo(4);
    assertThat(feed.get("events"))
        .extracting(e -> e.get("kind").asText())
        .containsExactly("blocked", "published", "promoted");

    assertThat(run(common, "registry", "rollback", "--client", "dashfood", "--reason", "x"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("no earlier production version remains un-archived");
    assertThat(
            run(
                common,
                "registry",
                "show",
                "--client",
                "dashfood",
                "--model-version",
                "1",
                "--as-of-version",
                "1"))
        .isZero();
    assertThat(lastOut)
        .contains("micromodels.dashfood.fraud v1: published")
        .contains("\"registered_model_name\" : \"micromodels.dashfood.fraud\"");
  }

  @Test
  void aMissingCandidateIsAFailureOfThatClient() {
    SharedSpark.session();
    Path warehouse = SharedSpark.newDirectory("publish-missing").resolve("wh");

    assertThat(
            run(
                new String[] {"--warehouse", warehouse.toString()},
                "publish",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "tripwise",
                "--as-of",
                AS_OF))
        .isEqualTo(1);
    String out = lastOut;

    assertThat(out)
        .containsPattern(
            "tripwise +failed +Cannot publish: the backtest's"
                + " metrics.json not found at .*/backtests/backtest-2026-03-01/tripwise/metrics.json");
  }

  /** A candidate and its backtest where publish looks for them by default. */
  private static void candidate(Path warehouse, String date, String client, boolean passed)
      throws IOException {
    ClientModel golden =
        ModelFormat.read(Path.of("../scorer/src/test/resources/golden/model.json"));
    ModelFormat.write(
        new ClientModel(
            golden.formatVersion(),
            client,
            golden.asOf(),
            golden.configHash(),
            golden.scoring(),
            golden.scale(),
            golden.policy(),
            golden.featureImportances(),
            golden.fallback(),
            golden.training()),
        warehouse.resolve("candidates/" + date + "/" + client + "/model.json"));
    ObjectNode metrics =
        (ObjectNode)
            JSON.readTree(Path.of("../registry/src/test/resources/fixtures/metrics.json").toFile());
    metrics.put("client_id", client);
    if (!passed) {
      ObjectNode gate = (ObjectNode) metrics.get("gate");
      gate.put("passed", false);
      ((ArrayNode) gate.get("failures")).add("pr_auc 0.300 < champion 0.380 - 0.010");
      ((ObjectNode) gate.get("checks").get(1)).put("passed", false).put("status", "fail");
    }

    Path backtest = warehouse.resolve("backtests/backtest-" + date + "/" + client);
    Files.createDirectories(backtest);
    JSON.writeValue(backtest.resolve("metrics.json").toFile(), metrics);
    Files.writeString(backtest.resolve("report.html"), "<!doctype html><p>" + client);
    Files.write(backtest.resolve("scores.csv.gz"), new byte[] {31, -117, 8, 0});
  }

  private int run(String[] common, String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    String[] all = new String[common.length + args.length];
    System.arraycopy(args, 0, all, 0, 1);
    System.arraycopy(common, 0, all, 1, common.length);
    System.arraycopy(args, 1, all, 1 + common.length, args.length - 1);
    int code = cli.execute(all);
    lastOut = out.toString();
    return code;
  }

  /** What the last command printed (the exit-code assertion is its argument, checked first). */
  private String output(Object checkedExitCode) {
    return lastOut;
  }
}
