package io.micromodels.training.fit;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.micromodels.training.featurize.SparseVector;
import java.util.Random;

/**
 * LIBLINEAR's L2-regularised logistic regression ({@code L2R_LR}, the primal trust-region Newton
 * method of Lin, Weng and Keerthi 2008, "Trust region Newton method for large-scale logistic
 * regression"), for designs that fit in one task. The intercept is LIBLINEAR's bias feature (value
 * 1) with {@code regularize_bias} off, so it is not penalised, as {@link Solver} requires.
 *
 * <p>Deterministic: the Newton solver draws no random numbers, and the generator LIBLINEAR keeps
 * for its other solvers is replaced by one with a fixed seed anyway. Quiet: LIBLINEAR's progress
 * lines (printed to stdout by default) are switched off when this class loads; that switch is
 * global to the JVM.
 */
public final class LiblinearSolver implements Solver {
  /**
   * Newton stops when {@code |grad f(w)| <= eps * min(positives, negatives) / n * |grad f(0)|}.
   * Training uses scikit-learn's default {@code tol} for its liblinear solver, 1e-4 (LIBLINEAR's
   * own default is 0.01): the fitted log-odds move by 1e-4 to 1e-3 against {@link #precise}, far
   * less than the regularisation search's candidates differ, and the Newton steps for the last
   * digits are saved (docs/training.md, "Solver tolerance").
   */
  public static final double DEFAULT_EPS = 1e-4;

  /**
   * The tolerance of {@link #precise}: the weights agree with MLlib's precise fit to about 5e-8
   * (the agreement test) and satisfy the optimality conditions to 1e-9 relative.
   */
  public static final double PRECISE_EPS = 1e-8;

  /** LIBLINEAR's cap on Newton iterations; tight eps rarely needs more than 20. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  private static final long SEED = 0x6d6d6c6cL;

  static {
    Linear.disableDebugOutput();
  }

  private final double eps;

  private LiblinearSolver(double eps) {
    this.eps = eps;
  }

  /** The training solver, with {@link #DEFAULT_EPS}. */
  public static LiblinearSolver create() {
    return new LiblinearSolver(DEFAULT_EPS);
  }

  /** A solver run to {@link #PRECISE_EPS}, for showing that solvers reach the same optimum. */
  public static LiblinearSolver precise() {
    return new LiblinearSolver(PRECISE_EPS);
  }

  /** A solver with another stopping tolerance (benchmarks, experiments). */
  public static LiblinearSolver withEps(double eps) {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps must be positive and finite: " + eps);
    }

    return new LiblinearSolver(eps);
  }

  public double eps() {
    return eps;
  }

  /**
   * Fits the design at strength C. When all labels are one class, returns {@link
   * InterceptOnly#smoothedBaseRate} without calling LIBLINEAR.
   *
   * @throws IllegalArgumentException when the design is empty, a label is not 0 or 1, or C is not
   *     positive and finite
   */
  @Override
  public LogisticModel fit(Design design, double c) {
    long positives = SolverChecks.positives(design, c);
    if (positives == 0 || positives == design.size()) {
      return InterceptOnly.smoothedBaseRate(positives, design.size(), design.dimension());
    }

    Parameter parameter = new Parameter(SolverType.L2R_LR, c, eps, DEFAULT_MAX_ITERATIONS, 0.1);
    parameter.setRegularizeBias(false);
    parameter.setRandom(new Random(SEED));
    Model model = Linear.train(problem(design), parameter);
    return toLogisticModel(model, design.dimension());
  }

  private static Problem problem(Design design) {
    Problem problem = new Problem();
    problem.l = design.size();
    problem.n = design.dimension() + 1; // LIBLINEAR counts the bias feature in n
    problem.bias = 1;
    problem.y = design.labels().clone();
    problem.x = new Feature[design.size()][];
    for (int i = 0; i < design.size(); i++) {
      problem.x[i] = features(design.rows().get(i), design.dimension());
    }

    return problem;
  }

  /** LIBLINEAR's 1-based row with the bias feature (index dimension + 1) appended. */
  private static Feature[] features(SparseVector row, int dimension) {
    Feature[] features = new Feature[row.size() + 1];
    for (int k = 0; k < row.size(); k++) {
      if (row.indices()[k] >= dimension) {
        throw new IllegalArgumentException(
            "feature index " + row.indices()[k] + " outside the design's dimension " + dimension);
      }

      features[k] = new FeatureNode(row.indices()[k] + 1, row.values()[k]);
    }

    features[row.size()] = new FeatureNode(dimension + 1, 1);
    return features;
  }

  /**
   * LIBLINEAR orders labels by first appearance and its weights favour the first label: when the
   * first row is genuine (label 0) the weights point towards "genuine" and are negated here, so a
   * positive weight always means more fraud.
   */
  private static LogisticModel toLogisticModel(Model model, int dimension) {
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] raw = model.getFeatureWeights();
    double[] weights = new double[dimension];
    for (int j = 0; j < dimension; j++) {
      weights[j] = sign * raw[j];
    }

    return LogisticModel.ofDense(sign * raw[dimension] * model.getBias(), weights);
  }
}
