package io.micromodels.evaluation.backtest;

import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.features.config.GateSpec;
import io.micromodels.training.artifact.AdditiveShapes;
import io.micromodels.training.artifact.AdditiveShapes.MicromodelShapes;
import io.micromodels.training.artifact.ClientModel;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the evaluation of one client's held-out rows needs besides the rows, small and serializable
 * so it travels to the task that evaluates the client.
 *
 * @param reviewsPerDay the k of the precision-at-k metrics (config {@code
 *     backtest.reviews_per_day})
 * @param minLabelCompleteness the completeness from which a fold is mature (config {@code
 *     backtest.min_label_completeness})
 * @param labelCompleteness the label-delay curve of the client's mature history, behind {@code
 *     label_completeness}
 * @param assertedCustomers customers the client asserts must be prevented; null when the client has
 *     no {@code assertions} file (then {@code prevented_asserts} cannot be measured)
 * @param candidateImportances the most recent fold's candidate feature importances
 * @param championImportances the champion's, or null without a champion
 * @param candidateShapes the learned shapes of that candidate's additive micromodels (binned,
 *     tabular), for the report
 * @param championShapes the champion's, or null without a champion
 * @param parentIsCandidate whether the candidate already is the global model (fallback)
 * @param lineage ordered facts for the report and metrics.json (data versions, windows, hash)
 * @param drift the test windows' drift from a reference period, null when not measured
 */
public record ClientContext(
    String clientId,
    String runId,
    FoldLayout layout,
    List<GateSpec> gates,
    int reviewsPerDay,
    double minLabelCompleteness,
    LabelCompleteness labelCompleteness,
    Set<String> assertedCustomers,
    Map<String, Double> candidateImportances,
    Map<String, Double> championImportances,
    List<MicromodelShapes> candidateShapes,
    List<MicromodelShapes> championShapes,
    boolean parentIsCandidate,
    String hypothesis,
    String objective,
    Map<String, String> lineage,
    Drift drift)
    implements Serializable {
  public ClientContext {
    Objects.requireNonNull(clientId, "clientId");
    gates = List.copyOf(gates);
    if (reviewsPerDay < 1) {
      throw new IllegalArgumentException("reviewsPerDay must be at least 1: " + reviewsPerDay);
    }
    Objects.requireNonNull(labelCompleteness, "labelCompleteness");
    assertedCustomers = assertedCustomers == null ? null : Set.copyOf(assertedCustomers);
    candidateImportances = Map.copyOf(candidateImportances);
    championImportances = championImportances == null ? null : Map.copyOf(championImportances);
    candidateShapes = List.copyOf(candidateShapes);
    championShapes = championShapes == null ? null : List.copyOf(championShapes);
    lineage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lineage));
  }

  /** The asserted customers, empty without an assertions file. */
  public Set<String> asserted() {
    return assertedCustomers == null ? Set.of() : assertedCustomers;
  }

  /**
   * Why a metric the gates may read has no value on this client, by metric name: the causes the
   * gate names instead of a bare "not measurable".
   */
  public Map<String, String> unmeasurableCauses() {
    String prevented = "prevented_asserts";
    if (assertedCustomers == null) {
      return Map.of(
          prevented,
          "client "
              + clientId
              + " has no `assertions` file: "
              + prevented
              + " cannot be measured; configure one or remove the gate");
    }

    return Map.of(
        prevented,
        "none of client "
            + clientId
            + "'s "
            + assertedCustomers.size()
            + " asserted customers has a decision event in the test windows");
  }

  /**
   * This context completed with what comes from the models: the backtest's driver builds a client's
   * context without them (empty importances and shapes, no champion), and the task that evaluates
   * the client reads the models and completes it.
   *
   * @param lastCandidate the most recent fold's candidate
   * @param champion the champion, or null without one
   */
  public ClientContext withModels(ClientModel lastCandidate, ClientModel champion) {
    return new ClientContext(
        clientId,
        runId,
        layout,
        gates,
        reviewsPerDay,
        minLabelCompleteness,
        labelCompleteness,
        assertedCustomers,
        lastCandidate.featureImportances(),
        champion == null ? null : champion.featureImportances(),
        AdditiveShapes.of(lastCandidate.scoring()),
        champion == null ? null : AdditiveShapes.of(champion.scoring()),
        lastCandidate.fallback().usesGlobalModel(),
        hypothesis,
        objective,
        lineage,
        drift);
  }

  public boolean hasChampion() {
    return championImportances != null;
  }
}
