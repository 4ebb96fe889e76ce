package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.training.artifact.AdditiveShapes;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
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

/** A client's trained folds, read back from the files the train job wrote, and its champion. */
final class FoldModels {
  private final ClientConfig config;
  private final FoldLayout layout;
  private final List<String> candidates;
  private final List<String> parents;
  private final ClientModel lastCandidate;
  private final ClientModel champion;

  private FoldModels(ClientConfig config, FoldLayout layout, List<String> candidates,
      List<String> parents, ClientModel lastCandidate, ClientModel champion) {
    this.config = config;
    this.layout = layout;
    this.candidates = candidates;
    this.parents = parents;
    this.lastCandidate = lastCandidate;
    this.champion = champion;
  }

  /** @param outcomes the client's trained folds, fold 1 first */
  static FoldModels load(ClientConfig config, FoldLayout layout, List<ClientOutcome> outcomes,
      ClientModel champion) {
    List<String> candidates = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    for (ClientOutcome outcome : outcomes) {
      candidates.add(BacktestFiles.readIfExists(outcome.model()));
      String model = outcome.model();
      parents.add(BacktestFiles.readIfExists(model.substring(0, model.lastIndexOf('/') + 1)
          + ModelFiles.PARENT_FILE_NAME));
    }

    ClientModel last = ModelFormat.fromJson(candidates.get(candidates.size() - 1),
        outcomes.get(outcomes.size() - 1).model());
    return new FoldModels(config, layout, candidates, parents, last, champion);
  }

  ShippedModels shipped() {
    return new ShippedModels(config.timeZone().getId(), layout, List.copyOf(candidates),
        java.util.Collections.unmodifiableList(new ArrayList<>(parents)),
        champion == null ? null : ModelFormat.toJson(champion));
  }

  /** @param drift null when not measured */
  ClientContext context(BacktestRequest request, LabelCompleteness labelCompleteness,
      Map<String, String> lineage, io.micromodels.evaluation.backtest.Drift drift) {
    return new ClientContext(config.clientId().value(), request.runId(), layout, config.gates(),
        config.backtest().reviewsPerDay(), config.backtest().minLabelCompleteness(), labelCompleteness, assertedCustomers(config),
        lastCandidate.featureImportances(),
        champion == null ? null : champion.featureImportances(),
        AdditiveShapes.of(lastCandidate.scoring()),
        champion == null ? null : AdditiveShapes.of(champion.scoring()),
        lastCandidate.fallback().usesGlobalModel(), request.hypothesis(), request.objective(),
        lineage, drift);
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
      throw new UncheckedIOException("cannot read the assertions of client " + config.clientId()
          + ": " + file, e);
    }
  }
}
