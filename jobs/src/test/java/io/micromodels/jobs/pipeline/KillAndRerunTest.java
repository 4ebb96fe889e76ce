package io.micromodels.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.jobs.testing.CliProcess;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.spark.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's driver failure: the nightly pipeline's JVM killed with SIGKILL during ingest,
 * features and training, and at three points of the publish stage, each time rerun with the same
 * command; the final run's tables, artifacts and registry equal an undisturbed run's. Both
 * clients pass their gates and auto-promote, so a killed run leaves a client promoted whose
 * rerun must still compare with the champion the undisturbed run had (none), not with itself.
 */
class KillAndRerunTest {
  private static final String AS_OF = "2025-10-06";
  private static final String VOLTMART_GATES = ""
      + "gates: [{metric: roc_auc, min: 0.55}, {metric: pr_auc, max_drop: 0.5},"
      + " {metric: block_rate, max: 0.05}, {metric: action_change_rate, max: 0.5}]\n";
  /** Fewer regularisation strengths to try: the test is about crashes, not model choice. */
  private static final String LIGHT = "combiner: {regularisation: {grid: [0.03, 0.3]}}\n";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

  /** Where a run is killed: a line of its output, then a pause (0: at once). */
  private record Kill(String stage, String line, long afterMillis, Map<String, String> env) {}

  /** Every process started, killed at the end whatever happened. */
  private final List<CliProcess> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (CliProcess p : started) {
      p.kill();
    }
  }

  @Test
  void aNightlyKilledAtEveryStageThenRerunEndsAsAnUndisturbedRun() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path root = SharedSpark.newDirectory("kill-rerun");
    SampleConfigs.copy(root, "voltmart", VOLTMART_GATES + LIGHT);
    Path configs = SampleConfigs.copy(root, "tripwise", "auto_promote: true\n" + LIGHT);
    lighten(configs);
    Path platform = Files.writeString(root.resolve("platform.yaml"), "master: local[2]\n"
        + "spark: {spark.sql.shuffle.partitions: 4, spark.default.parallelism: 4,"
        + " spark.ui.enabled: false}\n");

    // the undisturbed run goes on beside the crashing ones: a local[2] run leaves a core idle
    // much of the time
    Path reference = root.resolve("undisturbed");
    CliProcess undisturbed = nightly(platform, reference, configs, Map.of(), "undisturbed");
    Path crashed = root.resolve("crashed");
    List<Kill> kills = List.of(
        new Kill("ingest", "== ingest", 1500, Map.of()),
        new Kill("features", "== features", 300, Map.of()),
        new Kill("train", "== train", 4000, Map.of()),
        // tripwise published and promoted (trained tonight: the rerun must not take it for
        // the champion), voltmart's version in its slot but not in the index
        pause(PausePoint.AFTER_MOVE.label() + "@voltmart"));
    List<String> stages = List.of("== ingest", "== features", "== train", "== backtest",
        "== publish", "exit code:");
    for (int i = 0; i < kills.size(); i++) {
      Kill kill = kills.get(i);
      CliProcess run = nightly(platform, crashed, configs, kill.env(), "kill-" + i);
      run.awaitLine(kill.line(), RUN_TIMEOUT);
      Thread.sleep(kill.afterMillis());
      run.kill();
      String stage = kill.line().startsWith(PausePoint.MARKER) ? "== publish" : kill.line();
      String next = stages.get(stages.indexOf(stage) + 1);
      assertThat(run.hasLine(next)).as("killed during " + kill.stage() + ", before " + next
          + ":\n" + run.output()).isFalse();
    }

    CliProcess rerun = nightly(platform, crashed, configs, Map.of(), "rerun");
    int expectedExit = undisturbed.await(RUN_TIMEOUT);
    assertThat(undisturbed.output()).as(undisturbed.output())
        .contains("-- tripwise: promoted v1").contains("-- voltmart: promoted v1");
    assertThat(rerun.await(RUN_TIMEOUT)).as(rerun.output()).isEqualTo(expectedExit);

    assertThat(rerun.output()).as(rerun.output())
        .contains("-- tripwise: published v1 by an earlier run of this night")
        .contains("-- voltmart: published v1\n").contains("-- voltmart: promoted v1")
        .doesNotContain("champion of").doesNotContain("-- tripwise: promoted");
    Registry crashedRegistry = new Registry(spark, crashed.resolve("registry").toString());
    assertThat(crashedRegistry.orphans(ModelRef.of("voltmart"))).as("the killed publish's slot")
        .hasSize(1);

    WarehouseSnapshot expected = WarehouseSnapshot.of(spark, reference, AS_OF);
    WarehouseSnapshot actual = WarehouseSnapshot.of(spark, crashed, AS_OF);
    actual.assertEquivalentTo(expected);
  }

  /** The global email micromodel (fitted with MLlib) tries one strength instead of three. */
  private static void lighten(Path configs) throws java.io.IOException {
    try (var files = Files.list(configs)) {
      for (Path file : files.toList()) {
        Files.writeString(file, Files.readString(file).replace(
            "regularisation: {grid: [0.01, 0.1, 1.0]}", "regularisation: {grid: [0.1]}"));
      }
    }
  }

  private static Kill pause(String at) {
    return new Kill("publish, " + at, PausePoint.MARKER + " " + at.replaceAll("@.*", ""), 0,
        Map.of(PausePoint.ENV, at));
  }

  private CliProcess nightly(Path platform, Path warehouse, Path configs,
      Map<String, String> env, String name) throws Exception {
    List<String> args = new ArrayList<>(List.of("--config", platform.toString(), "--warehouse",
        warehouse.toString(), "run", "nightly", "--as-of", AS_OF, "--configs",
        configs.toString(), "--input", "../data-samples/events/voltmart",
        "../data-samples/events/tripwise"));
    CliProcess process = CliProcess.start(configs.resolveSibling(name + ".log"), env, args);
    started.add(process);
    return process;
  }
}
