package io.micromodels.training.train;

import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.Fallback;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.ScoreScale;
import io.micromodels.training.artifact.ScoringModel;
import io.micromodels.training.artifact.StabilityMap;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.artifact.TrainingSummary;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.policy.ActionPolicy;
import io.micromodels.training.policy.PolicyFitter;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.score.StabilityFitter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scoring model into a client's model: the score scale (mapped onto the champion's when the
 * client's policy asks for stability), the action policy fitted on the client's recent rows (the
 * validation slice), and feature importances.
 */
public final class ClientModelAssembler {
  private ClientModelAssembler() {}

  /**
   * @param recent the client's validation-slice rows, raw (without micromodel columns)
   * @param champion the client's production model, or null
   */
  public static ClientModel assemble(
      ClientSpec spec,
      ScoringModel scoring,
      List<LabelledRow> recent,
      ClientModel champion,
      Fallback fallback,
      TrainingSummary summary) {
    List<ModelInput> inputs = recent.stream().map(LabelledRow::input).toList();
    double[] probabilities = inputs.stream().mapToDouble(scoring::probability).toArray();
    double[] labels = recent.stream().mapToDouble(LabelledRow::label).toArray();
    ScoreScale base = ScoreScale.of(spec.plan().model().scoreMapping());
    double[] rawScores = new double[probabilities.length];
    for (int i = 0; i < rawScores.length; i++) {
      rawScores[i] = base.raw(probabilities[i]);
    }

    StabilityMap stability = StabilityMap.withoutChampion(spec.policy());
    if (champion != null) {
      Scorer championScorer = new Scorer(champion);
      double[] championScores = inputs.stream().mapToDouble(championScorer::scoreOnly).toArray();
      stability = StabilityFitter.fit(spec.policy(), rawScores, labels, championScores);
    }

    ScoreScale scale = base.withStability(stability);
    double[] scores = new double[probabilities.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = scale.score(probabilities[i]);
    }

    ActionPolicy policy = PolicyFitter.fit(spec.policy(), spec.regions(), scores, inputs);
    return new ClientModel(
        ModelFormat.VERSION,
        spec.clientId(),
        spec.window().asOf(),
        spec.configHash(),
        scoring,
        scale,
        policy,
        importances(scoring),
        fallback,
        summary);
  }

  /** |weight| of each combiner input; the inputs are standardised, so the sizes compare. */
  static Map<String, Double> importances(ScoringModel scoring) {
    Map<String, Double> importances = new LinkedHashMap<>();
    List<String> columns = scoring.combiner().inputs().columns();
    for (int j = 0; j < columns.size(); j++) {
      importances.put(
          TrainedMicromodel.inputName(columns.get(j)),
          Math.abs(scoring.combiner().model().weight(j)));
    }

    return importances;
  }
}
