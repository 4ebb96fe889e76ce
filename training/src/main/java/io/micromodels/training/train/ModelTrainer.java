package io.micromodels.training.train;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.artifact.Combiner;
import io.micromodels.training.artifact.ScoringModel;
import io.micromodels.training.artifact.StandardisedType;
import io.micromodels.training.artifact.Standardiser;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.calibrate.Calibrator;
import io.micromodels.training.calibrate.Calibrators;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.OneStandardErrorRule;
import io.micromodels.training.fit.RegularisationPath;
import io.micromodels.training.fit.RegularisationSearch;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a scoring model by the same steps on either engine (DESIGN.md §4, Train):
 *
 * <ol>
 *   <li>each micromodel: its featurizer fitted on the window; for every C of its grid a fit on the
 *       window before the validation slice and the log loss on the slice; the strongest C within
 *       one standard error of the best ({@link OneStandardErrorRule}); one fit per fold without
 *       that fold (the out-of-fold outputs) and a final fit on the whole window;
 *   <li>the combiner on the out-of-fold outputs plus raw features, its C chosen the same way;
 *   <li>calibration fitted on the validation slice, scored by the combiner fitted before it, and
 *       corrected for the genuine rows a sampled client left out ({@link
 *       Calibrator#priorCorrected}).
 * </ol>
 *
 * Micromodels already trained elsewhere (global ones) come in with their out-of-fold models and are
 * reused as they are.
 */
public final class ModelTrainer {
  private ModelTrainer() {}

  /** The trained scoring model and the out-of-fold models of the micromodels it fitted. */
  public record Result(ScoringModel scoring, Map<String, OutOfFold> outOfFold) {}

  public static Result train(ModelPlan plan, TrainingRows rows, Map<String, OutOfFold> shared) {
    requireData(
        plan,
        rows.slice(Slice.beforeValidation()).counts(),
        rows.slice(Slice.validation()).counts());
    List<TrainedMicromodel> micromodels = new ArrayList<>();
    Map<String, OutOfFold> fitted = new HashMap<>();
    TrainingRows stacked = rows;
    for (MicromodelSpec spec : plan.micromodels()) {
      OutOfFold outOfFold =
          spec.scope() == MicromodelSpec.Scope.GLOBAL && shared.containsKey(spec.name())
              ? shared.get(spec.name())
              : fitMicromodel(spec, rows);
      if (!shared.containsKey(spec.name())) {
        fitted.put(spec.name(), outOfFold);
      }

      micromodels.add(outOfFold.micromodel());
      stacked = stacked.withOutOfFold(outOfFold);
    }

    List<String> inputs =
        new ArrayList<>(micromodels.stream().map(TrainedMicromodel::column).toList());
    inputs.addAll(plan.model().combinerRawFeatures());
    MicromodelSpec combinerSpec =
        new MicromodelSpec(
            "combiner",
            StandardisedType.TYPE,
            MicromodelSpec.Scope.CLIENT,
            inputs,
            plan.model().combinerRegularisation(),
            Map.of());
    Standardiser standardiser = (Standardiser) stacked.fitFeaturizer(combinerSpec);
    TrainingRows beforeSlice = stacked.slice(Slice.beforeValidation());
    TrainingRows slice = stacked.slice(Slice.validation());
    RegularisationSearch.Result search = choose(combinerSpec, beforeSlice, slice, standardiser);
    RegularisationPath path = search.path();
    LogisticModel beforeSliceModel = search.model();
    Combiner combiner = new Combiner(standardiser, stacked.fit(standardiser, path.chosenC()), path);
    List<LabelledRow> validation = slice.materialise();
    Calibrator calibration =
        calibrate(plan, standardiser, beforeSliceModel, validation)
            .priorCorrected(rows.genuineSampleRate());
    return new Result(new ScoringModel(micromodels, combiner, calibration), fitted);
  }

  private static OutOfFold fitMicromodel(MicromodelSpec spec, TrainingRows rows) {
    Featurizer featurizer = rows.fitFeaturizer(spec);
    RegularisationPath path =
        choose(
                spec,
                rows.slice(Slice.beforeValidation()),
                rows.slice(Slice.validation()),
                featurizer)
            .path();
    List<LogisticModel> folds = new ArrayList<>();
    for (int k = 0; k < Folds.COUNT; k++) {
      folds.add(rows.slice(Slice.outsideFold(k)).fit(featurizer, path.chosenC()));
    }

    LogisticModel model = rows.fit(featurizer, path.chosenC());
    return new OutOfFold(
        new TrainedMicromodel(spec.name(), spec.type(), spec.scope(), featurizer, model, path),
        folds);
  }

  /** The search over the spec's grid: fitted before the slice, scored on it. */
  private static RegularisationSearch.Result choose(
      MicromodelSpec spec, TrainingRows fit, TrainingRows validation, Featurizer featurizer) {
    return RegularisationSearch.over(spec.regularisation().grid())
        .search(c -> fit.fit(featurizer, c), model -> validation.loss(featurizer, model));
  }

  private static Calibrator calibrate(
      ModelPlan plan,
      Standardiser standardiser,
      LogisticModel combiner,
      List<LabelledRow> validation) {
    double[] logOdds = new double[validation.size()];
    double[] labels = new double[validation.size()];
    for (int i = 0; i < logOdds.length; i++) {
      ModelInput input = validation.get(i).input();
      logOdds[i] = combiner.logOdds(standardiser.featurize(input));
      labels[i] = validation.get(i).label();
    }

    return Calibrators.fit(plan.model().calibration(), logOdds, labels);
  }

  private static void requireData(
      ModelPlan plan, TrainingRows.Counts beforeSlice, TrainingRows.Counts slice) {
    if (beforeSlice.frauds() == 0 || beforeSlice.frauds() == beforeSlice.rows()) {
      throw new TrainingException(
          "Cannot train model "
              + plan.name()
              + ": "
              + beforeSlice.rows()
              + " decision events with "
              + beforeSlice.frauds()
              + " fraud labels"
              + " before the validation slice of its training window; both classes are needed."
              + " Widen training.train_days or check the labels.");
    }

    if (slice.rows() == 0) {
      throw new TrainingException(
          "Cannot train model "
              + plan.name()
              + ": no decision events"
              + " in the validation slice (the last training.validation_days of its window), which"
              + " chooses the regularisation and fits the calibration. Check that events reach up to"
              + " as_of - label.delay_days, or widen training.validation_days.");
    }
  }
}
