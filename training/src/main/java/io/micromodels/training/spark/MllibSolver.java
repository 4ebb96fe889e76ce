package io.micromodels.training.spark;

import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.Design;
import io.micromodels.training.fit.InterceptOnly;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.Solver;
import io.micromodels.training.fit.SolverChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * MLlib's distributed logistic regression on {@link Solver}'s objective, for clients too large for
 * one task and for pooled global micromodels. Coefficients and intercept are copied into a {@link
 * LogisticModel} at once: MLlib is the engine, never the format.
 *
 * <p><b>C to regParam.</b> LIBLINEAR minimises {@code 0.5 |w|^2 + C sum_i l_i(w, b)}. MLlib with
 * {@code elasticNetParam = 0} minimises {@code (1/n) sum_i l_i(w, b) + regParam * 0.5 |w|^2}.
 * Dividing LIBLINEAR's objective by the positive constant {@code C n} does not move its minimum and
 * gives {@code (1/n) sum_i l_i + (1 / (C n)) 0.5 |w|^2}, so the two minimise the same function when
 * {@code regParam = 1 / (C n)}, with n the number of training rows. The equivalence also needs
 * {@code standardization = false} (otherwise MLlib penalises {@code w_j * sd_j} instead of {@code
 * w_j}) and {@code fitIntercept = true} (MLlib never penalises the intercept, which is why
 * LIBLINEAR runs with {@code regularize_bias} off). Rows are unweighted in both.
 *
 * <p>MLlib's L-BFGS stops on a relative objective change below its tolerance or on a gradient norm
 * below 1e-8 (breeze's floor), whichever comes first. Each iteration is a Spark job, so training
 * uses MLlib's defaults ({@link #TRAINING_TOLERANCE}, {@link #TRAINING_MAX_ITERATIONS}); the solver
 * agreement test uses {@link #precise} ({@link #TOLERANCE}) to show the objectives are the same.
 */
public final class MllibSolver implements Solver {
  /** L-BFGS convergence tolerance of {@link #precise} (MLlib's default is 1e-6). */
  public static final double TOLERANCE = 1e-12;

  /** L-BFGS iteration cap of {@link #precise} (MLlib's default is 100, too few for 1e-12). */
  public static final int MAX_ITERATIONS = 2000;

  /** L-BFGS convergence tolerance for training runs. */
  public static final double TRAINING_TOLERANCE = 1e-6;

  /** L-BFGS iteration cap for training runs. */
  public static final int TRAINING_MAX_ITERATIONS = 100;

  private static final String FEATURES = "features";
  private static final String LABEL = "label";

  private final SparkSession spark;
  private final double tolerance;
  private final int maxIterations;

  private MllibSolver(SparkSession spark, double tolerance, int maxIterations) {
    this.spark = spark;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /** The training solver; its {@link #fit(Design, double)} builds its DataFrame in this session. */
  public static MllibSolver in(SparkSession spark) {
    return new MllibSolver(spark, TRAINING_TOLERANCE, TRAINING_MAX_ITERATIONS);
  }

  /** A solver run to {@link #TOLERANCE}, for showing agreement with LIBLINEAR. */
  public static MllibSolver precise(SparkSession spark) {
    return new MllibSolver(spark, TOLERANCE, MAX_ITERATIONS);
  }

  /** MLlib's regParam for LIBLINEAR's C on n training rows (see the class comment). */
  public static double regParam(double c, long rows) {
    SolverChecks.checkC(c);
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be positive: " + rows);
    }

    return 1.0 / (c * rows);
  }

  /**
   * Fits a local design by way of a DataFrame (tests, and the same code path as large clients).
   *
   * @throws IllegalArgumentException as {@link SolverChecks#positives}
   */
  @Override
  public LogisticModel fit(Design design, double c) {
    SolverChecks.positives(design, c);
    return fit(frame(design), FEATURES, LABEL, design.dimension(), c);
  }

  /**
   * Fits distributed rows at strength C. A one-class input gets {@link
   * InterceptOnly#smoothedBaseRate}, as in LIBLINEAR. Reads the rows once to count them (n for
   * regParam) before MLlib's passes: persist them first when they are costly to compute.
   *
   * @param rows one training row each, unweighted
   * @param featuresCol an MLlib vector column of size {@code dimension}
   * @param labelCol a numeric 0/1 column
   * @throws IllegalArgumentException when there are no rows or C is not positive and finite
   */
  public LogisticModel fit(
      Dataset<Row> rows, String featuresCol, String labelCol, int dimension, double c) {
    SolverChecks.checkC(c);
    Row counts =
        rows.agg(
                functions.count(functions.lit(1)),
                functions.sum(functions.col(labelCol).cast(DataTypes.DoubleType)))
            .first();
    long n = counts.getLong(0);
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit an empty DataFrame (no rows)");
    }

    long positives = Math.round(counts.getDouble(1));
    if (positives == 0 || positives == n) {
      return InterceptOnly.smoothedBaseRate(positives, n, dimension);
    }

    return fitAtRegParam(
        rows, featuresCol, labelCol, dimension, regParam(c, n), tolerance, maxIterations);
  }

  /** MLlib in its own parametrisation; package-private so a test can show the mapping matters. */
  static LogisticModel fitAtRegParam(
      Dataset<Row> rows,
      String featuresCol,
      String labelCol,
      int dimension,
      double regParam,
      double tolerance,
      int maxIterations) {
    LogisticRegression regression =
        new LogisticRegression()
            .setFamily("binomial")
            .setFeaturesCol(featuresCol)
            .setLabelCol(labelCol)
            .setRegParam(regParam)
            .setElasticNetParam(0)
            .setStandardization(false)
            .setFitIntercept(true)
            .setTol(tolerance)
            .setMaxIter(maxIterations);
    LogisticRegressionModel model;
    try {
      model = regression.fit(rows);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "MLlib logistic regression failed (regParam "
              + regParam
              + ", "
              + dimension
              + " features)",
          e);
    }

    double[] weights = model.coefficients().toArray();
    if (weights.length != dimension) {
      throw new IllegalArgumentException(
          "features column has size " + weights.length + ", expected dimension " + dimension);
    }

    return LogisticModel.ofDense(model.intercept(), weights);
  }

  /** The design as a DataFrame with a vector column "features" and a double column "label". */
  Dataset<Row> frame(Design design) {
    StructType schema =
        new StructType()
            .add(FEATURES, SQLDataTypes.VectorType(), false)
            .add(LABEL, DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>(design.size());
    for (int i = 0; i < design.size(); i++) {
      rows.add(
          RowFactory.create(vector(design.rows().get(i), design.dimension()), design.labels()[i]));
    }

    return spark.createDataFrame(rows, schema);
  }

  private static Vector vector(SparseVector row, int dimension) {
    return Vectors.sparse(dimension, row.indices(), row.values());
  }
}
