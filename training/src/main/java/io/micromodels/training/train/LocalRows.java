package io.micromodels.training.train;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.Design;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.LossSummary;
import io.micromodels.training.fit.Solver;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.input.OverlayInput;
import io.micromodels.training.micromodel.MicromodelTypes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Training rows held in memory, fitted with a single-machine solver (LIBLINEAR): one client's whole
 * training inside one Spark task. Slices share the rows and a cache of featurized vectors, so the
 * grid search and the fold fits featurize each row once per micromodel.
 */
public final class LocalRows implements TrainingRows {
  private final Shared shared;
  private final int[] members;

  public LocalRows(List<LabelledRow> rows, Solver solver, String solverName) {
    this(rows, solver, solverName, 1);
  }

  /**
   * @param genuineSampleRate the share of the window's genuine rows kept in {@code rows}
   */
  public LocalRows(
      List<LabelledRow> rows, Solver solver, String solverName, double genuineSampleRate) {
    this(
        new Shared(List.copyOf(rows), solver, solverName, genuineSampleRate),
        IntStream.range(0, rows.size()).toArray());
  }

  private LocalRows(Shared shared, int[] members) {
    this.shared = shared;
    this.members = members;
  }

  @Override
  public Counts counts() {
    long frauds = 0;
    for (int i : members) {
      frauds += shared.rows.get(i).label() > 0 ? 1 : 0;
    }

    return new Counts(members.length, frauds);
  }

  @Override
  public TrainingRows slice(Slice slice) {
    int[] kept =
        IntStream.of(members)
            .filter(i -> slice.contains(shared.rows.get(i).part(), shared.rows.get(i).fold()))
            .toArray();
    return new LocalRows(shared, kept);
  }

  @Override
  public Featurizer fitFeaturizer(MicromodelSpec spec) {
    List<ModelInput> inputs = new ArrayList<>(members.length);
    for (int i : members) {
      inputs.add(shared.rows.get(i).input());
    }

    return MicromodelTypes.of(spec.type()).featurizer(spec, inputs);
  }

  @Override
  public LogisticModel fit(Featurizer featurizer, double c) {
    SparseVector[] vectors = shared.vectors(featurizer);
    List<SparseVector> rows = new ArrayList<>(members.length);
    double[] labels = new double[members.length];
    for (int k = 0; k < members.length; k++) {
      rows.add(vectors[members[k]]);
      labels[k] = shared.rows.get(members[k]).label();
    }

    return shared.solver.fit(new Design(rows, labels, featurizer.dimension()), c);
  }

  @Override
  public LossSummary loss(Featurizer featurizer, LogisticModel model) {
    SparseVector[] vectors = shared.vectors(featurizer);
    double[] losses = new double[members.length];
    for (int k = 0; k < members.length; k++) {
      losses[k] =
          LossSummary.logLoss(
              model.logOdds(vectors[members[k]]), shared.rows.get(members[k]).label());
    }

    return LossSummary.ofLosses(losses);
  }

  @Override
  public TrainingRows withOutOfFold(OutOfFold outOfFold) {
    List<LabelledRow> rows = new ArrayList<>(members.length);
    for (int i : members) {
      LabelledRow row = shared.rows.get(i);
      ModelInput input =
          new OverlayInput(
              row.input(), outOfFold.column(), outOfFold.value(row.input(), row.fold()));
      rows.add(new LabelledRow(input, row.label(), row.part(), row.fold()));
    }

    return new LocalRows(rows, shared.solver, shared.solverName, shared.genuineSampleRate);
  }

  @Override
  public List<LabelledRow> materialise() {
    List<LabelledRow> rows = new ArrayList<>(members.length);
    for (int i : members) {
      rows.add(shared.rows.get(i));
    }

    return rows;
  }

  @Override
  public double genuineSampleRate() {
    return shared.genuineSampleRate;
  }

  @Override
  public String solver() {
    return shared.solverName;
  }

  /** The rows, the solver and the featurized vectors, shared by a set of rows and its slices. */
  private static final class Shared {
    private final List<LabelledRow> rows;
    private final Solver solver;
    private final String solverName;
    private final double genuineSampleRate;
    private final Map<Featurizer, SparseVector[]> vectors = new IdentityHashMap<>();

    Shared(List<LabelledRow> rows, Solver solver, String solverName, double genuineSampleRate) {
      this.rows = rows;
      this.solver = solver;
      this.solverName = solverName;
      this.genuineSampleRate = genuineSampleRate;
    }

    synchronized SparseVector[] vectors(Featurizer featurizer) {
      return vectors.computeIfAbsent(
          featurizer,
          f -> {
            SparseVector[] all = new SparseVector[rows.size()];
            for (int i = 0; i < all.length; i++) {
              all[i] = f.featurize(rows.get(i).input());
            }

            return all;
          });
    }
  }
}
