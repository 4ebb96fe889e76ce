package io.micromodels.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies of the bundled sample's client configs, with their assertions files beside them. */
final class SampleConfigs {
  /** Gates voltmart's sample data passes on its first night (its own config blocks it). */
  static final String VOLTMART_GATES =
      ""
          + "gates: [{metric: roc_auc, min: 0.55}, {metric: pr_auc, max_drop: 0.5},"
          + " {metric: block_rate, max: 0.05}, {metric: action_change_rate, max: 0.5}]\n";

  private static final Path SAMPLES = Path.of("../data-samples");

  private SampleConfigs() {}

  /**
   * Copies {@code <client>.yaml} into {@code <root>/configs/} (its assertions file into {@code
   * <root>/assertions/}, where the config's relative path finds it), appending {@code extraYaml}.
   *
   * @return the configs folder
   */
  static Path copy(Path root, String client, String extraYaml) throws IOException {
    Path configs = Files.createDirectories(root.resolve("configs"));
    Path assertions = Files.createDirectories(root.resolve("assertions"));
    Path sampleAssertions = SAMPLES.resolve("assertions/" + client + ".csv");
    if (Files.exists(sampleAssertions)) {
      Files.copy(
          sampleAssertions,
          assertions.resolve(client + ".csv"),
          StandardCopyOption.REPLACE_EXISTING);
    }

    String yaml = Files.readString(SAMPLES.resolve("clients/" + client + ".yaml"));
    Files.writeString(configs.resolve(client + ".yaml"), yaml + "\n" + extraYaml);
    return configs;
  }

  /**
   * Turns the configs' pooled (global) micromodels into per-client ones. A global micromodel is
   * fitted with MLlib, one Spark job per L-BFGS iteration (some 300), minutes on a 2-core cluster,
   * and its result may differ in the last bits between runs (the partitions' sums are folded in the
   * order tasks finish); client scope trains it with LIBLINEAR in the client's task,
   * deterministically. For tests that compare whole runs.
   */
  static void withClientScopeOnly(Path configs) throws IOException {
    try (var files = Files.list(configs)) {
      for (Path file : files.toList()) {
        Files.writeString(file, Files.readString(file).replace("scope: global", "scope: client"));
      }
    }
  }
}
