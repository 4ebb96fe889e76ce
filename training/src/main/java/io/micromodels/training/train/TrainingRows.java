package io.micromodels.training.train;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.LossSummary;
import java.util.List;

/**
 * The rows of one training problem (a client's window, or all clients' pooled) behind the
 * operations the trainer needs. Two engines implement it: {@link LocalRows} holds the rows in
 * memory and fits with LIBLINEAR inside one task; the Spark engine keeps them distributed and fits
 * with MLlib. {@link ModelTrainer} is written once against this interface, so both engines produce
 * the same kind of model by the same steps.
 */
public interface TrainingRows {
  /** Row and fraud-label counts. */
  Counts counts();

  /** The rows inside a slice (time range, fold). */
  TrainingRows slice(Slice slice);

  /** A micromodel's featurizer, its data-dependent state fitted on these rows. */
  Featurizer fitFeaturizer(MicromodelSpec spec);

  /** The logistic regression of labels on the featurized rows at strength C. */
  LogisticModel fit(Featurizer featurizer, double c);

  /** The per-row log loss of a model on these rows. */
  LossSummary loss(Featurizer featurizer, LogisticModel model);

  /** These rows with a micromodel's out-of-fold log-odds added as a column. */
  TrainingRows withOutOfFold(OutOfFold outOfFold);

  /**
   * The rows themselves, for steps that need them in one place (calibration, policy): all of them
   * when they are in memory already; for distributed rows, a seeded sample of a bounded size, so
   * the driver's share does not grow with the data.
   */
  List<LabelledRow> materialise();

  /**
   * The share of the window's genuine rows these rows keep, every fraud row kept: below 1 for a
   * client sampled down to its row cap, whose calibration is corrected for it.
   */
  double genuineSampleRate();

  /** Which solver fits these rows, for lineage. */
  String solver();

  /** Row and fraud-label counts. */
  record Counts(long rows, long frauds) {}
}
