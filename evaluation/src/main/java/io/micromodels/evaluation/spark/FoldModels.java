package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.training.spark.ClientOutcome;
import io.micromodels.training.spark.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's trained folds and champion as files, and its evaluation's context: the plan the task
 * that evaluates the client reads its models from. The driver reads no model.
 */
final class FoldModels {
  private FoldModels() {}

  /**
   * @param outcomes the client's trained folds, fold 1 first
   * @param championFile the champion's {@code model.json}, or null without one
   * @param drift null when not measured
   */
  static ClientPlan plan(
      ClientConfig config,
      FoldLayout layout,
      List<ClientOutcome> outcomes,
      String championFile,
      BacktestRequest request,
      LabelCompleteness labelCompleteness,
      Map<String, String> lineage,
      io.micromodels.evaluation.backtest.Drift drift) {
    List<String> candidates = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    for (ClientOutcome outcome : outcomes) {
      String model = outcome.model();
      candidates.add(model);
      parents.add(model.substring(0, model.lastIndexOf('/') + 1) + ModelFiles.PARENT_FILE_NAME);
    }

    // what comes from the models (importances, shapes, fallback) is added in the task
    ClientContext context =
        new ClientContext(
            config.clientId().value(),
            request.runId(),
            layout,
            config.gates(),
            config.backtest().reviewsPerDay(),
            config.backtest().minLabelCompleteness(),
            labelCompleteness,
            assertedCustomers(config),
            Map.of(),
            null,
            List.of(),
            null,
            false,
            request.hypothesis(),
            request.objective(),
            lineage,
            drift);
    return new ClientPlan(
        config.timeZone().getId(), layout, candidates, parents, championFile, context);
  }

  /** The client's asserted customers (first CSV column after the header); null without a file. */
  static Set<String> assertedCustomers(ClientConfig config) {
    if (config.assertions() == null) {
      return null;
    }

    Path file = config.requireAssertionsFile();
    try {
      Set<String> customers = new HashSet<>();
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String id = line.split(",", 2)[0].strip();
        if (!id.isEmpty()) {
          customers.add(id);
        }
      }

      return customers;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the assertions of client " + config.clientId() + ": " + file, e);
    }
  }
}
