package io.micromodels.training.train;

import static io.micromodels.training.testing.TrainingFixtures.basket;
import static io.micromodels.training.testing.TrainingFixtures.behaviour;
import static io.micromodels.training.testing.TrainingFixtures.client;
import static io.micromodels.training.testing.TrainingFixtures.email;
import static io.micromodels.training.testing.TrainingFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.Policy;
import io.micromodels.features.config.Regularisation;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.StabilityMap;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientTrainerTest {
  private static final List<LabelledRow> ROWS = rows(6000, 0.04, 1);

  private static LocalRows local(List<LabelledRow> rows) {
    return new LocalRows(rows, LiblinearSolver.create(), "liblinear");
  }

  @Test
  void aTrainedModelRanksHeldOutFraudAboveGenuineAndRecordsItsChoices() {
    ClientModel model =
        ClientTrainer.train(
            client(List.of(email(MicromodelSpec.Scope.CLIENT), basket(), behaviour()), 30),
            local(ROWS),
            null,
            null);

    List<LabelledRow> heldOut = rows(3000, 0.04, 2);
    Scorer scorer = new Scorer(model);
    double[] scores = heldOut.stream().mapToDouble(r -> scorer.scoreOnly(r.input())).toArray();
    double[] labels = heldOut.stream().mapToDouble(LabelledRow::label).toArray();
    assertThat(auc(scores, labels)).isGreaterThan(0.8);
    assertThat(model.fallback().usesGlobalModel()).isFalse();
    assertThat(model.training().solver()).isEqualTo("liblinear");
    assertThat(model.training().rows()).isEqualTo(6000);
    assertThat(model.scoring().micromodels())
        .extracting(TrainedMicromodel::name)
        .containsExactly("email", "basket", "behaviour");
    assertThat(model.scoring().micromodels())
        .allSatisfy(
            m -> {
              assertThat(m.regularisation().points()).hasSize(3);
              assertThat(m.regularisation().reason()).isNotBlank();
            });
    assertThat(model.featureImportances())
        .containsOnlyKeys("email", "basket", "behaviour", "time.night");
  }

  @Test
  void aModelReadBackFromJsonScoresBitForBitTheSame() {
    ClientModel model =
        ClientTrainer.train(
            client(List.of(email(MicromodelSpec.Scope.CLIENT), basket(), behaviour()), 30),
            local(ROWS),
            null,
            null);
    String json = ModelFormat.toJson(model);
    ClientModel read = ModelFormat.fromJson(json, "test");

    assertThat(ModelFormat.toJson(read)).isEqualTo(json);
    Scorer original = new Scorer(model);
    Scorer reread = new Scorer(read);
    for (LabelledRow row : ROWS.subList(0, 500)) {
      ScoreResult a = original.score(row.input());
      ScoreResult b = reread.score(row.input());
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void contributionsAddUpToTheCombinersLogOdds() {
    ClientModel model =
        ClientTrainer.train(
            client(List.of(email(MicromodelSpec.Scope.CLIENT), basket(), behaviour()), 30),
            local(ROWS),
            null,
            null);
    ScoreResult result = new Scorer(model).score(ROWS.get(7).input());
    double logOdds =
        model.scoring().combiner().model().intercept()
            + result.contributions().values().stream().mapToDouble(Double::doubleValue).sum();

    assertThat(result.contributions())
        .containsOnlyKeys("email", "basket", "behaviour", "time.night");
    assertThat(model.scoring().calibration().probability(logOdds))
        .isCloseTo(result.probability(), org.assertj.core.data.Offset.offset(1e-12));
  }

  /**
   * A micromodel that can memorise each row (a unique token per row, weak regularisation) has
   * outputs that match the training labels in sample but carry nothing out of fold. The combiner
   * learns from out-of-fold outputs only, so it gives that micromodel almost no weight; fitted on
   * in-sample outputs it would trust it heavily.
   */
  @Test
  void theCombinerLearnsFromOutOfFoldOutputsOnly() {
    MicromodelSpec memo =
        new MicromodelSpec(
            "memo",
            "order_items",
            MicromodelSpec.Scope.CLIENT,
            List.of("memo", "memo"),
            new Regularisation(List.of(100.0)),
            Map.of("buckets", "65536"));
    List<LabelledRow> rows = rows(4000, 0.05, 3);
    ClientSpec spec = client(List.of(memo, behaviour()), 30);
    ModelTrainer.Result result = ModelTrainer.train(spec.plan(), local(rows), Map.of());
    double outOfFoldWeight = result.scoring().combiner().model().weight(0);

    TrainedMicromodel memorised = result.scoring().micromodels().get(0);
    LocalRows inSample =
        local(
            rows.stream()
                .map(
                    r ->
                        new LabelledRow(
                            new io.micromodels.training.input.OverlayInput(
                                r.input(), memorised.column(), memorised.logOdds(r.input())),
                            r.label(),
                            r.part(),
                            r.fold()))
                .toList());
    var standardiser =
        inSample.fitFeaturizer(
            new MicromodelSpec(
                "c",
                "standardised",
                MicromodelSpec.Scope.CLIENT,
                List.of(memorised.column()),
                new Regularisation(List.of(1.0)),
                Map.of()));
    double inSampleWeight = inSample.fit(standardiser, 1.0).weight(0);

    assertThat(inSampleWeight).isGreaterThan(1.0);
    assertThat(Math.abs(outOfFoldWeight)).isLessThan(0.3);
  }

  @Test
  void aClientWithTooFewFraudLabelsFallsBackToTheGlobalModelAndSaysSo() {
    ModelTrainer.Result pooled =
        ModelTrainer.train(
            ModelPlan.global(List.of(email(MicromodelSpec.Scope.GLOBAL))), local(ROWS), Map.of());
    GlobalModel global = new GlobalModel(pooled.scoring(), pooled.outOfFold());
    List<LabelledRow> few = rows(800, 0.01, 4);

    ClientModel model =
        ClientTrainer.train(
            client(List.of(email(MicromodelSpec.Scope.GLOBAL), behaviour()), 30),
            local(few),
            global,
            null);

    assertThat(model.fallback().usesGlobalModel()).isTrue();
    assertThat(model.fallback().reason())
        .contains("< min_fraud_labels 30")
        .contains("falls back to the global model");
    assertThat(model.scoring()).isEqualTo(global.scoring());
    assertThatThrownBy(
            () -> ClientTrainer.train(client(List.of(behaviour()), 30), local(few), null, null))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("Cannot train client acme")
        .hasMessageContaining("no global micromodels are configured to fall back on");
  }

  @Test
  void aClientModelReusesTheSharedGlobalMicromodel() {
    ModelTrainer.Result pooled =
        ModelTrainer.train(
            ModelPlan.global(List.of(email(MicromodelSpec.Scope.GLOBAL))), local(ROWS), Map.of());
    GlobalModel global = new GlobalModel(pooled.scoring(), pooled.outOfFold());

    ClientModel model =
        ClientTrainer.train(
            client(List.of(email(MicromodelSpec.Scope.GLOBAL), behaviour()), 30),
            local(ROWS),
            global,
            null);

    assertThat(model.scoring().micromodels().get(0))
        .isEqualTo(global.scoring().micromodels().get(0));
    assertThat(model.fallback().usesGlobalModel()).isFalse();
  }

  @Test
  void aCandidatesScoresAreMappedSoTheBlockRateAtTheThresholdStaysTheChampions() {
    ClientSpec spec =
        client(
            List.of(email(MicromodelSpec.Scope.CLIENT), behaviour()),
            30,
            Policy.Stability.BLOCK_RATE_AT_THRESHOLD);
    ClientModel champion = ClientTrainer.train(spec, local(rows(6000, 0.04, 5)), null, null);
    List<LabelledRow> recent = rows(6000, 0.04, 6);

    ClientModel candidate =
        ClientTrainer.train(
            client(
                List.of(email(MicromodelSpec.Scope.CLIENT), basket(), behaviour()),
                30,
                Policy.Stability.BLOCK_RATE_AT_THRESHOLD),
            local(recent),
            null,
            champion);

    assertThat(candidate.scale().stability().basis()).isEqualTo(StabilityMap.Basis.FITTED);
    List<LabelledRow> slice =
        recent.stream().filter(r -> r.part() == LabelledRow.Part.VALIDATION).toList();
    Scorer newScores = new Scorer(candidate);
    Scorer oldScores = new Scorer(champion);
    for (double threshold : new double[] {60, 85}) {
      double newRate =
          slice.stream().filter(r -> newScores.scoreOnly(r.input()) >= threshold).count()
              / (double) slice.size();
      double oldRate =
          slice.stream().filter(r -> oldScores.scoreOnly(r.input()) >= threshold).count()
              / (double) slice.size();
      assertThat(newRate)
          .as("block rate at " + threshold)
          .isCloseTo(oldRate, org.assertj.core.data.Offset.offset(0.002));
    }
  }

  /** Mann-Whitney AUC (ties count half). */
  static double auc(double[] scores, double[] labels) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (labels[i] == 1 && labels[j] == 0) {
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }

    return wins / pairs;
  }
}
