package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.MetricFixtures.booleans;
import static io.micromodels.evaluation.metrics.MetricFixtures.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static final JsonNode REALISTIC = MetricFixtures.named("binary", "realistic");
  private static final double[] SCORES = doubles(REALISTIC.get("scores"));
  private static final double[] CHAMPION = doubles(REALISTIC.get("champion_scores"));
  private static final boolean[] FRAUD = booleans(REALISTIC.get("fraud"));

  @Test
  void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
    Interval first = Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::averagePrecision, 7);
    assertThat(Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::averagePrecision, 7))
        .isEqualTo(first);
    assertThat(Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::averagePrecision, 8))
        .isNotEqualTo(first);
  }

  @Test
  void intervalsContainThePointEstimate() {
    Interval ap = Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::averagePrecision, 1);
    Interval auc = Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::rocAuc, 1);
    assertThat(ap.level()).isEqualTo(0.95);
    assertThat(ap.contains(BinaryMetrics.averagePrecision(SCORES, FRAUD))).isTrue();
    assertThat(auc.contains(BinaryMetrics.rocAuc(SCORES, FRAUD))).isTrue();
    assertThat(ap.width()).isBetween(0.01, 0.3);
  }

  @Test
  void fourTimesTheRowsGiveAboutHalfTheWidth() {
    Interval once = Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::rocAuc, 3);
    Interval fourTimes =
        Bootstrap.interval(repeat(SCORES), repeat(FRAUD), BinaryMetrics::rocAuc, 3);
    assertThat(fourTimes.width()).isLessThan(0.7 * once.width()).isGreaterThan(0.3 * once.width());
  }

  @Test
  void pairedDifferenceOfIdenticalScoresIsExactlyZero() {
    Interval difference =
        Bootstrap.pairedDifference(
            SCORES,
            SCORES.clone(),
            FRAUD,
            BinaryMetrics::averagePrecision,
            Bootstrap.DEFAULT_RESAMPLES,
            5);
    assertThat(difference).isEqualTo(new Interval(0, 0, 0.95));
  }

  @Test
  void pairedDifferenceContainsTheObservedDifferenceAndIsNarrowerThanEitherInterval() {
    double observed = BinaryMetrics.rocAuc(SCORES, FRAUD) - BinaryMetrics.rocAuc(CHAMPION, FRAUD);
    Interval difference =
        Bootstrap.pairedDifference(SCORES, CHAMPION, FRAUD, BinaryMetrics::rocAuc, 200, 11);
    assertThat(difference.contains(observed)).isTrue();
    assertThat(difference.width())
        .isLessThan(Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::rocAuc, 11).width());
  }

  @Test
  void resamplesWhereTheMetricIsUndefinedAreDropped() {
    // One fraud in 50 rows: about a third of the resamples miss it and give NaN.
    double[] scores = new double[50];
    boolean[] fraud = new boolean[50];
    for (int i = 0; i < 50; i++) {
      scores[i] = i;
    }
    fraud[49] = true;
    Interval interval = Bootstrap.interval(scores, fraud, BinaryMetrics::rocAuc, 100, 0.9, 2);
    assertThat(interval).isEqualTo(new Interval(1, 1, 0.9));
    assertThat(Bootstrap.interval(scores, new boolean[50], BinaryMetrics::rocAuc, 2))
        .isEqualTo(Interval.undefined(0.95));
  }

  @Test
  void rejectsAnInvalidLevelOrResampleCount() {
    assertThatThrownBy(() -> Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::rocAuc, 10, 1.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> Bootstrap.interval(SCORES, FRAUD, BinaryMetrics::rocAuc, 0, 0.9, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be at least 1, got 0");
  }

  @Test
  void quantileInterpolatesLinearlyAsNumpy() {
    double[] sorted = {1, 2, 3, 4, 10};
    assertThat(Bootstrap.quantile(sorted, 5, 0.5)).isEqualTo(3);
    assertThat(Bootstrap.quantile(sorted, 5, 0.9)).isCloseTo(7.6, within(1e-12));
    assertThat(Bootstrap.quantile(sorted, 1, 0.975)).isEqualTo(1);
  }

  private static double[] repeat(double[] values) {
    double[] repeated = new double[values.length * 4];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = values[i % values.length];
    }
    return repeated;
  }

  private static boolean[] repeat(boolean[] values) {
    boolean[] repeated = new boolean[values.length * 4];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = values[i % values.length];
    }
    return repeated;
  }
}
