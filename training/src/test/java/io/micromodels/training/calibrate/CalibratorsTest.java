package io.micromodels.training.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.config.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against scikit-learn 1.2.1 reference values committed in {@code
 * src/test/resources/calibration/reference.json} (regenerate with {@code make_reference.py} beside
 * it).
 */
class CalibratorsTest {
  private static final double PLATT_TOLERANCE = 1e-6;
  private static final double ISOTONIC_TOLERANCE = 1e-12;

  static Stream<Arguments> platt() throws IOException {
    return fixtures("PLATT");
  }

  static Stream<Arguments> isotonic() throws IOException {
    return fixtures("ISOTONIC");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platt")
  void plattProbabilitiesMatchScikitLearn(String name, JsonNode fixture) {
    Calibrator fitted = fit(ModelSpec.Calibration.PLATT, fixture);

    double[] probe = doubles(fixture.get("probe"));
    double[] expected = doubles(fixture.get("expected"));
    for (int i = 0; i < probe.length; i++) {
      assertThat(fitted.probability(probe[i]))
          .as("%s at %s", name(fixture), probe[i])
          .isCloseTo(expected[i], within(PLATT_TOLERANCE));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("isotonic")
  void isotonicKnotsAndProbabilitiesMatchScikitLearn(String name, JsonNode fixture) {
    IsotonicCalibrator fitted = (IsotonicCalibrator) fit(ModelSpec.Calibration.ISOTONIC, fixture);

    assertThat(fitted.knots()).as(name(fixture)).containsExactly(doubles(fixture.get("knots")));
    assertThat(fitted.probabilities())
        .as(name(fixture))
        .containsExactly(doubles(fixture.get("probabilities")), within(ISOTONIC_TOLERANCE));
    double[] probe = doubles(fixture.get("probe"));
    double[] expected = doubles(fixture.get("expected"));
    for (int i = 0; i < probe.length; i++) {
      assertThat(fitted.probability(probe[i]))
          .as("%s at %s", name(fixture), probe[i])
          .isCloseTo(expected[i], within(ISOTONIC_TOLERANCE));
    }
  }

  @Test
  void priorCorrectionMultipliesTheOddsByTheGenuineSampleRate() {
    double rate = 0.2;
    for (Calibrator calibrator :
        List.of(
            new PlattCalibrator(1.3, -2.0),
            new IsotonicCalibrator(new double[] {-3, 0, 2}, new double[] {0.01, 0.3, 0.9}))) {
      Calibrator corrected = calibrator.priorCorrected(rate);
      for (double logOdds : new double[] {-3, 0, 2}) {
        double p = calibrator.probability(logOdds);
        double q = corrected.probability(logOdds);
        assertThat(q / (1 - q))
            .as("%s at %s", calibrator, logOdds)
            .isCloseTo(rate * p / (1 - p), within(1e-12));
      }

      assertThat(calibrator.priorCorrected(1)).isSameAs(calibrator);
      assertThatThrownBy(() -> calibrator.priorCorrected(0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void plattWithoutPositivesIsFlatAtTheSmoothedTarget() {
    double[] logOdds = {-2, -1, 0, 1, 2};

    Calibrator fitted = Calibrators.fit(ModelSpec.Calibration.PLATT, logOdds, new double[5]);

    assertThat(fitted).isEqualTo(new PlattCalibrator(0, Math.log(1.0 / 6)));
    assertThat(fitted.probability(5)).isCloseTo(1.0 / 7, within(1e-15));
  }

  @Test
  void plattWithOneDistinctInputPredictsTheMeanTargetEverywhere() {
    double[] labels = {1, 0, 0, 0};

    Calibrator fitted =
        Calibrators.fit(ModelSpec.Calibration.PLATT, new double[] {3, 3, 3, 3}, labels);

    double mean = (2.0 / 3 + 3 * (1.0 / 5)) / 4;
    assertThat(fitted.probability(3)).isCloseTo(mean, within(1e-15));
    assertThat(fitted.probability(-10)).isCloseTo(mean, within(1e-15));
  }

  @Test
  void isotonicPoolsTiesBeforeMergingViolators() {
    double[] logOdds = {0, 1, 1, 2};
    double[] labels = {0, 1, 0, 1};

    IsotonicCalibrator fitted =
        (IsotonicCalibrator) Calibrators.fit(ModelSpec.Calibration.ISOTONIC, logOdds, labels);

    assertThat(fitted.knots()).containsExactly(0, 1, 2);
    assertThat(fitted.probabilities()).containsExactly(0, 0.5, 1);
    assertThat(fitted.probability(0.5)).isEqualTo(0.25);
  }

  @Test
  void fittedCalibratorsSurviveJsonRoundTrip() throws Exception {
    double[] logOdds = {-2, -1, 0, 0, 1, 2};
    double[] labels = {0, 1, 0, 0, 1, 1};
    ObjectMapper json = new ObjectMapper();
    for (ModelSpec.Calibration method : ModelSpec.Calibration.values()) {
      Calibrator fitted = Calibrators.fit(method, logOdds, labels);

      String text = json.writeValueAsString(fitted);

      assertThat(json.readValue(text, Calibrator.class)).as(text).isEqualTo(fitted);
      assertThat(text).contains("\"method\":\"" + method.name().toLowerCase(Locale.ROOT) + "\"");
    }
  }

  @Test
  void rejectsLabelsOtherThanZeroAndOne() {
    assertThatThrownBy(
            () ->
                Calibrators.fit(
                    ModelSpec.Calibration.ISOTONIC, new double[] {0, 1}, new double[] {0, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label of row 1 is not 0 or 1: 2.0");
  }

  @Test
  void rejectsEmptyRows() {
    assertThatThrownBy(
            () -> Calibrators.fit(ModelSpec.Calibration.PLATT, new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one row");
  }

  private static Calibrator fit(ModelSpec.Calibration method, JsonNode fixture) {
    return Calibrators.fit(
        method, doubles(fixture.get("log_odds")), doubles(fixture.get("labels")));
  }

  private static Stream<Arguments> fixtures(String method) throws IOException {
    try (InputStream in =
        CalibratorsTest.class.getResourceAsStream("/calibration/reference.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<JsonNode> selected = new ArrayList<>();
      root.get("fixtures")
          .forEach(
              f -> {
                if (f.get("method").asText().equals(method)) {
                  selected.add(f);
                }
              });
      assertThat(selected).isNotEmpty();
      return selected.stream().map(f -> Arguments.of(name(f), f));
    }
  }

  private static String name(JsonNode fixture) {
    return fixture.get("name").asText();
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }

    return values;
  }
}
