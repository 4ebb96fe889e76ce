package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.TOLERANCE;
import static io.micromodels.evaluation.metrics.MetricFixtures.booleans;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static io.micromodels.evaluation.metrics.MetricFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryMetricsTest {
  static List<JsonNode> cases() {
    return MetricFixtures.cases("binary");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void averagePrecisionMatchesScikitLearn(JsonNode c) {
    double ap = BinaryMetrics.averagePrecision(doubles(c.get("scores")), booleans(c.get("fraud")));
    assertMatches(ap, c.get("average_precision"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rocAucMatchesScikitLearn(JsonNode c) {
    assertMatches(
        BinaryMetrics.rocAuc(doubles(c.get("scores")), booleans(c.get("fraud"))), c.get("roc_auc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void probabilityMetricsMatchScikitLearn(JsonNode c) {
    double[] p = doubles(c.get("probabilities"));
    boolean[] fraud = booleans(c.get("fraud"));
    assertMatches(BinaryMetrics.logLoss(p, fraud), c.get("log_loss"));
    assertMatches(BinaryMetrics.brier(p, fraud), c.get("brier"));
    assertMatches(BinaryMetrics.calibrationDifference(p, fraud), c.get("calibration_difference"));
    c.get("expected_calibration_error")
        .fields()
        .forEachRemaining(
            bins ->
                assertMatches(
                    BinaryMetrics.expectedCalibrationError(
                        p, fraud, Integer.parseInt(bins.getKey())),
                    bins.getValue()));
  }

  @Test
  void championScoresOfTheRealisticCaseMatchScikitLearn() {
    JsonNode c = MetricFixtures.named("binary", "realistic");
    double[] champion = doubles(c.get("champion_scores"));
    boolean[] fraud = booleans(c.get("fraud"));
    assertMatches(
        BinaryMetrics.averagePrecision(champion, fraud), c.get("champion_average_precision"));
    assertMatches(BinaryMetrics.rocAuc(champion, fraud), c.get("champion_roc_auc"));
  }

  @Test
  void tiedScoresEnterTogetherWhateverTheRowOrder() {
    double[] scores = {0.5, 0.5, 0.5, 0.1};
    double[] reordered = {0.5, 0.5, 0.5, 0.1};
    boolean[] fraudFirst = {true, false, false, false};
    boolean[] fraudLast = {false, false, true, false};
    assertThat(BinaryMetrics.averagePrecision(scores, fraudFirst))
        .isEqualTo(BinaryMetrics.averagePrecision(reordered, fraudLast))
        .isEqualTo(1.0 / 3);
    assertThat(BinaryMetrics.rocAuc(scores, fraudFirst)).isEqualTo(2.0 / 3);
  }

  @Test
  void negativeZeroTiesWithZero() {
    assertThat(BinaryMetrics.rocAuc(new double[] {-0.0, 0.0}, new boolean[] {true, false}))
        .isEqualTo(0.5);
  }

  @Test
  void everyMetricIsNaNOnEmptyInput() {
    double[] none = {};
    boolean[] noLabels = {};
    assertThat(BinaryMetrics.averagePrecision(none, noLabels)).isNaN();
    assertThat(BinaryMetrics.rocAuc(none, noLabels)).isNaN();
    assertThat(BinaryMetrics.logLoss(none, noLabels)).isNaN();
    assertThat(BinaryMetrics.brier(none, noLabels)).isNaN();
    assertThat(BinaryMetrics.calibrationDifference(none, noLabels)).isNaN();
    assertThat(BinaryMetrics.expectedCalibrationError(none, noLabels, 10)).isNaN();
  }

  @Test
  void logLossClipsCertainMistakesAtMachineEpsilon() {
    double loss = BinaryMetrics.logLoss(new double[] {0.0}, new boolean[] {true});
    assertThat(loss).isCloseTo(-Math.log(Math.ulp(1.0)), within(1e-12));
    assertThat(BinaryMetrics.LOG_LOSS_EPSILON).isEqualTo(2.220446049250313e-16);
  }

  @Test
  void rejectsMismatchedLengthsAndInvalidProbabilities() {
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[] {0.1}, new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores and labels have different lengths: 1 and 0");
    assertThatThrownBy(() -> BinaryMetrics.brier(new double[] {1.5}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities[0] is outside [0.0, 1.0]: 1.5");
    assertThatThrownBy(
            () -> BinaryMetrics.averagePrecision(new double[] {Double.NaN}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores[0] is not finite: NaN");
    assertThatThrownBy(
            () ->
                BinaryMetrics.expectedCalibrationError(new double[] {0.5}, new boolean[] {true}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be at least 1, got 0");
  }

  static void assertMatches(double actual, JsonNode expected) {
    double reference = value(expected);
    if (Double.isNaN(reference)) {
      assertThat(actual).isNaN();
    } else {
      assertThat(actual).isCloseTo(reference, within(TOLERANCE));
    }
  }
}
