package io.micromodels.training.artifact;

import io.micromodels.features.EventFields;
import io.micromodels.features.Quoted;
import io.micromodels.training.policy.ActionPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A client's model as {@code model.json} holds it (DESIGN.md §3.4): the scoring model, the 0-100
 * score scale, the action policy, feature importances, the fallback decision and the training
 * lineage. Read by the Spark-free {@link io.micromodels.training.score.Scorer}.
 *
 * @param formatVersion {@link ModelFormat#VERSION} when written
 * @param clientId the client
 * @param asOf the training as-of (labels known then)
 * @param configHash the client config's effective-config hash
 * @param featureImportances combiner input to |weight| (inputs are standardised, so comparable)
 */
public record ClientModel(
    int formatVersion,
    String clientId,
    Instant asOf,
    String configHash,
    ScoringModel scoring,
    ScoreScale scale,
    ActionPolicy policy,
    Map<String, Double> featureImportances,
    Fallback fallback,
    TrainingSummary training) {
  public ClientModel {
    Objects.requireNonNull(clientId, "clientId");
    if (!EventFields.CLIENT_ID_PATTERN.matcher(clientId).matches()) {
      throw new IllegalArgumentException(
          "client_id '"
              + Quoted.capped(clientId)
              + "' must match "
              + EventFields.CLIENT_ID_PATTERN);
    }
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(policy, "policy");
    featureImportances = java.util.Collections.unmodifiableMap(new TreeMap<>(featureImportances));
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(training, "training");
  }
}
