package io.micromodels.training.train;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.artifact.Combiner;
import io.micromodels.training.artifact.ScoringModel;
import io.micromodels.training.artifact.Standardiser;
import io.micromodels.training.artifact.StandardisedType;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.calibrate.Calibrator;
import io.micromodels.training.calibrate.Calibrators;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.OneStandardErrorRule;
import io.micromodels.training.fit.RegularisationPath;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a scoring model by the same steps on either engine (DESIGN.md §4, Train):
 * <ol>
 *   <li>each micromodel: its featurizer fitted on the window; for every C of its grid a fit on
 *       the window before the validation slice and the log loss on the slice; the strongest C
 *       within one standard error of the best ({@link OneStandardErrorRule}); one fit per fold
 *       without that fold (the out-of-fold outputs) and a final fit on the whole window;
 *   <li>the combiner on the out-of-fold outputs plus raw features, its C chosen the same way;
 *   <li>calibration fitted on the validation slice, scored by the combiner fitted before it.
 * </ol>
 * Micromodels already trained elsewhere (global ones) come in with their out-of-fold models and
 * are reused as they are.
 */
public final class ModelTrainer {
  private ModelTrainer() {}

  /**
   * The trained scoring model, the out-of-fold models of the micromodels it fitted, and the
   * validation slice's rows (for the policy and the score scale).
   */
  public record Result(ScoringModel scoring, Map<String, OutOfFold> outOfFold,
      List<LabelledRow> validationRows) {}

  public static Result train(ModelPlan plan, TrainingRows rows, Map<String, OutOfFold> shared) {
    requireLabels(plan, rows.slice(Slice.beforeValidation()));
    List<TrainedMicromodel> micromodels = new ArrayList<>();
    Map<String, OutOfFold> fitted = new HashMap<>();
    TrainingRows stacked = rows;
    for (MicromodelSpec spec : plan.micromodels()) {
      OutOfFold outOfFold = spec.scope() == MicromodelSpec.Scope.GLOBAL && shared.containsKey(spec.name())
          ? shared.get(spec.name())
          : fitMicromodel(spec, rows);
      if (!shared.containsKey(spec.name())) {
        fitted.put(spec.name(), outOfFold);
      }

      micromodels.add(outOfFold.micromodel());
      stacked = stacked.withOutOfFold(outOfFold);
    }

    List<String> inputs = new ArrayList<>(micromodels.stream().map(TrainedMicromodel::column).toList());
    inputs.addAll(plan.model().combinerRawFeatures());
    MicromodelSpec combinerSpec = new MicromodelSpec("combiner", StandardisedType.TYPE,
        MicromodelSpec.Scope.CLIENT, inputs, plan.model().combinerRegularisation(), Map.of());
    Standardiser standardiser = (Standardiser) stacked.fitFeaturizer(combinerSpec);
    TrainingRows beforeSlice = stacked.slice(Slice.beforeValidation());
    TrainingRows slice = stacked.slice(Slice.validation());
    RegularisationPath path = choose(combinerSpec, beforeSlice, slice, standardiser);
    LogisticModel beforeSliceModel = beforeSlice.fit(standardiser, path.chosenC());
    Combiner combiner = new Combiner(standardiser, stacked.fit(standardiser, path.chosenC()), path);
    List<LabelledRow> validation = slice.materialise();
    Calibrator calibration = calibrate(plan, standardiser, beforeSliceModel, validation);
    return new Result(new ScoringModel(micromodels, combiner, calibration), fitted,
        rows.slice(Slice.validation()).materialise());
  }

  private static OutOfFold fitMicromodel(MicromodelSpec spec, TrainingRows rows) {
    Featurizer featurizer = rows.fitFeaturizer(spec);
    RegularisationPath path = choose(spec, rows.slice(Slice.beforeValidation()),
        rows.slice(Slice.validation()), featurizer);
    List<LogisticModel> folds = new ArrayList<>();
    for (int k = 0; k < Folds.COUNT; k++) {
      folds.add(rows.slice(Slice.outsideFold(k)).fit(featurizer, path.chosenC()));
    }

    LogisticModel model = rows.fit(featurizer, path.chosenC());
    return new OutOfFold(new TrainedMicromodel(spec.name(), spec.type(), spec.scope(), featurizer,
        model, path), folds);
  }

  /** The regularisation path over the spec's grid, fitted before the slice, scored on it. */
  private static RegularisationPath choose(MicromodelSpec spec, TrainingRows fit,
      TrainingRows validation, Featurizer featurizer) {
    List<RegularisationPath.Point> points = new ArrayList<>();
    for (double c : spec.regularisation().grid()) {
      LogisticModel model = fit.fit(featurizer, c);
      points.add(new RegularisationPath.Point(c, validation.loss(featurizer, model)));
    }

    return OneStandardErrorRule.choose(points);
  }

  private static Calibrator calibrate(ModelPlan plan, Standardiser standardiser,
      LogisticModel combiner, List<LabelledRow> validation) {
    double[] logOdds = new double[validation.size()];
    double[] labels = new double[validation.size()];
    for (int i = 0; i < logOdds.length; i++) {
      ModelInput input = validation.get(i).input();
      logOdds[i] = combiner.logOdds(standardiser.featurize(input));
      labels[i] = validation.get(i).label();
    }

    return Calibrators.fit(plan.model().calibration(), logOdds, labels);
  }

  private static void requireLabels(ModelPlan plan, TrainingRows beforeSlice) {
    TrainingRows.Counts counts = beforeSlice.counts();
    if (counts.frauds() == 0 || counts.frauds() == counts.rows()) {
      throw new TrainingException("Cannot train model " + plan.name() + ": " + counts.rows()
          + " decision events with " + counts.frauds() + " fraud labels before the validation"
          + " slice of its training window; both classes are needed. Widen training.train_days"
          + " or check the labels.");
    }
  }
}
