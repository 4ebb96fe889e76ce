package io.micromodels.training.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Policy;
import io.micromodels.training.artifact.ScoreScale;
import io.micromodels.training.artifact.StabilityMap;
import io.micromodels.training.calibrate.MonotoneCurve;
import org.junit.jupiter.api.Test;

class ScoreScaleTest {
  private static final ScoreScale PERCENT =
      ScoreScale.of(ModelSpec.ScoreMapping.PROBABILITY_PERCENT);
  private static final ScoreScale LOG_ODDS = ScoreScale.of(ModelSpec.ScoreMapping.LOG_ODDS);

  @Test
  void probabilityPercentIsHundredTimesTheProbability() {
    assertThat(PERCENT.score(0)).isZero();
    assertThat(PERCENT.score(0.0125)).isEqualTo(1.25);
    assertThat(PERCENT.score(1)).isEqualTo(100);
  }

  @Test
  void logOddsScaleGivesTwentyPointsPerDecadeOfOdds() {
    assertThat(LOG_ODDS.score(0.5)).isCloseTo(80, within(1e-12));
    assertThat(LOG_ODDS.score(1.0 / 101)).isCloseTo(40, within(1e-12));
    assertThat(LOG_ODDS.score(1.0 / 11)).isCloseTo(60, within(1e-12));
    assertThat(LOG_ODDS.score(10.0 / 11)).isCloseTo(100, within(1e-12));
  }

  @Test
  void logOddsScaleClampsAtBothEnds() {
    assertThat(LOG_ODDS.score(0)).isZero();
    assertThat(LOG_ODDS.score(1e-7)).isZero();
    assertThat(LOG_ODDS.score(0.99)).isEqualTo(100);
    assertThat(LOG_ODDS.score(1)).isEqualTo(100);
  }

  @Test
  void stabilityMapAppliesAfterTheRawScore() {
    StabilityMap halve =
        new StabilityMap(
            Policy.Stability.BLOCK_RATE_AT_THRESHOLD,
            StabilityMap.Basis.FITTED,
            new MonotoneCurve(new double[] {0, 100}, new double[] {0, 50}),
            1000);

    assertThat(PERCENT.withStability(halve).score(0.4)).isEqualTo(20);
    assertThat(PERCENT.withStability(halve).raw(0.4)).isEqualTo(40);
  }

  @Test
  void rejectsProbabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> PERCENT.score(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability outside 0..1: 1.5");
    assertThatThrownBy(() -> LOG_ODDS.score(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void survivesJsonRoundTripWithAFittedMap() throws Exception {
    ScoreScale scale =
        LOG_ODDS.withStability(
            new StabilityMap(
                Policy.Stability.FRAUD_RATE_AT_SCORE,
                StabilityMap.Basis.FITTED,
                new MonotoneCurve(new double[] {0, 12.5, 100}, new double[] {0, 30.25, 100}),
                4321));
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(scale);
    ScoreScale read = json.readValue(text, ScoreScale.class);

    assertThat(read).isEqualTo(scale);
    assertThat(text)
        .contains(
            "\"mapping\":\"LOG_ODDS\"",
            "\"mode\":\"FRAUD_RATE_AT_SCORE\"",
            "\"basis\":\"FITTED\"",
            "\"rows\":4321");
  }

  @Test
  void identityWithoutStabilitySurvivesJsonRoundTrip() throws Exception {
    ObjectMapper json = new ObjectMapper();

    ScoreScale read = json.readValue(json.writeValueAsString(PERCENT), ScoreScale.class);

    assertThat(read).isEqualTo(PERCENT);
    assertThat(read.stability().basis()).isEqualTo(StabilityMap.Basis.NOT_CONFIGURED);
    assertThat(read.score(0.37)).isEqualTo(37);
  }
}
