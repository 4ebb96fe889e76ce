package io.micromodels.training.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.testing.SharedSpark;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.Design;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.testing.SyntheticDesigns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LIBLINEAR and MLlib on the same data and C (issue 4, item 5: the solvers agree). */
class MllibSolverTest {
  /**
   * Agreement of coefficients and of log-odds on the training rows. Measured: at most 4.4e-8 at C =
   * 0.01, 0.1 and 1 with both solvers' precise tolerances; 1e-6 leaves a margin of 20.
   */
  private static final double AGREEMENT = 1e-6;

  private static final Design DESIGN = SyntheticDesigns.moderate().generate(11);
  private final MllibSolver mllib = MllibSolver.precise(SharedSpark.session());
  private final LiblinearSolver liblinear = LiblinearSolver.precise();

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 1})
  void agreesWithLiblinearAtTheSameC(double c) {
    LogisticModel expected = liblinear.fit(DESIGN, c);

    LogisticModel actual = mllib.fit(DESIGN, c);

    assertThat(maxCoefficientDifference(actual, expected)).isLessThan(AGREEMENT);
    assertThat(maxLogOddsDifference(actual, expected)).isLessThan(AGREEMENT);
  }

  @Test
  void regParamOfOneOverCDoesNotAgree() {
    double c = 0.1;
    LogisticModel expected = liblinear.fit(DESIGN, c);

    LogisticModel wrong =
        MllibSolver.fitAtRegParam(
            frame(DESIGN),
            "features",
            "label",
            DESIGN.dimension(),
            1 / c,
            MllibSolver.TOLERANCE,
            MllibSolver.MAX_ITERATIONS);

    assertThat(maxLogOddsDifference(wrong, expected)).isGreaterThan(0.1);
  }

  @Test
  void regParamIsOneOverCTimesRows() {
    assertThat(MllibSolver.regParam(0.5, 4000)).isEqualTo(1.0 / 2000);
  }

  @Test
  void oneClassDesignGivesTheSmoothedBaseRateLikeLiblinear() {
    double[] negatives = new double[DESIGN.size()];
    Design design = new Design(DESIGN.rows(), negatives, DESIGN.dimension());

    assertThat(mllib.fit(design, 1)).isEqualTo(liblinear.fit(design, 1));
  }

  @Test
  void emptyDataFrameIsRejected() {
    Design one = new Design(List.of(SparseVector.EMPTY), new double[] {1}, 3);

    assertThatThrownBy(() -> mllib.fit(frame(one).limit(0), "features", "label", 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot fit an empty DataFrame (no rows)");
  }

  private org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> frame(Design design) {
    return mllib.frame(design);
  }

  private static double maxCoefficientDifference(LogisticModel a, LogisticModel b) {
    double max = Math.abs(a.intercept() - b.intercept());
    for (int j = 0; j < a.dimension(); j++) {
      max = Math.max(max, Math.abs(a.weight(j) - b.weight(j)));
    }

    return max;
  }

  private static double maxLogOddsDifference(LogisticModel a, LogisticModel b) {
    return DESIGN.rows().stream()
        .mapToDouble(row -> Math.abs(a.logOdds(row) - b.logOdds(row)))
        .max()
        .orElseThrow();
  }
}
