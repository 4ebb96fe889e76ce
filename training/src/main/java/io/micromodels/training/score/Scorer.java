package io.micromodels.training.score;

import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.Combiner;
import io.micromodels.training.artifact.ScoringModel;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark-free scorer: {@code model.json} in, score, action and per-micromodel contributions out.
 * Training, backtests and live services all score through this class, so their scores agree
 * exactly. Thread-safe (the model is immutable).
 */
public final class Scorer {
  private final ClientModel model;
  private final List<String> contributionNames;

  public Scorer(ClientModel model) {
    this.model = model;
    this.contributionNames =
        model.scoring().combiner().inputs().columns().stream()
            .map(TrainedMicromodel::inputName)
            .toList();
  }

  public ClientModel model() {
    return model;
  }

  /** Scores a decision event given as its raw payload plus its history features. */
  public ScoreResult score(Map<String, ?> event, Map<String, ?> features) {
    Map<String, Object> columns = new HashMap<>(event);
    columns.putAll(features);
    return score(new MapInput(columns));
  }

  public ScoreResult score(ModelInput row) {
    ScoringModel scoring = model.scoring();
    ModelInput combined = scoring.withMicromodelOutputs(row);
    Combiner combiner = scoring.combiner();
    double probability = scoring.calibration().probability(combiner.logOdds(combined));
    double score = model.scale().score(probability);
    double[] shares = combiner.contributions(combined);
    Map<String, Double> contributions = new LinkedHashMap<>();
    for (int j = 0; j < shares.length; j++) {
      contributions.put(contributionNames.get(j), shares[j]);
    }

    return new ScoreResult(score, model.policy().action(score, row), probability, contributions);
  }

  /** The score alone (no contributions map), for throughput-sensitive callers. */
  public double scoreOnly(ModelInput row) {
    return model.scale().score(model.scoring().probability(row));
  }
}
