package io.micromodels.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mergeable summary against the row-level metrics it stands for (issue 31). */
class ScoreSummaryTest {
  private static final int ROWS = 40_000;

  /** Scores and probabilities of a fair model at a 2 % fraud rate, continuous scores. */
  private record Rows(double[] scores, double[] probabilities, boolean[] fraud) {
    static Rows generated(long seed, boolean onTheGrid) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] scores = new double[ROWS];
      double[] probabilities = new double[ROWS];
      boolean[] fraud = new boolean[ROWS];
      for (int i = 0; i < ROWS; i++) {
        fraud[i] = random.nextDouble() < 0.02;
        double logOdds = -4 + random.nextGaussian() * 1.5 + (fraud[i] ? 2.5 : 0);
        probabilities[i] = 1 / (1 + Math.exp(-logOdds));
        double score = 100 * Math.min(1, Math.max(0, (logOdds / Math.log(10) + 4) / 5));
        scores[i] = onTheGrid ? Math.round(score) : score;
      }
      return new Rows(scores, probabilities, fraud);
    }

    ScoreSummary summary(int from, int to) {
      ScoreSummary summary = new ScoreSummary();
      for (int i = from; i < to; i++) {
        summary.add(scores[i], probabilities[i], fraud[i]);
      }
      return summary;
    }
  }

  private static final Rows CONTINUOUS = Rows.generated(11, false);

  @Test
  void theProbabilityMetricsAreTheRowLevelOnes() {
    ScoreSummary summary = CONTINUOUS.summary(0, ROWS);
    double[] p = CONTINUOUS.probabilities();
    boolean[] fraud = CONTINUOUS.fraud();
    assertThat(summary.rows()).isEqualTo(ROWS);
    assertThat(summary.frauds()).isEqualTo(Checks.count(fraud));
    assertThat(summary.logLoss()).isCloseTo(BinaryMetrics.logLoss(p, fraud), within(1e-12));
    assertThat(summary.brier()).isCloseTo(BinaryMetrics.brier(p, fraud), within(1e-12));
    assertThat(summary.calibrationDifference())
        .isCloseTo(BinaryMetrics.calibrationDifference(p, fraud), within(1e-12));
    assertThat(summary.expectedCalibrationError())
        .isCloseTo(
            BinaryMetrics.expectedCalibrationError(p, fraud, ScoreSummary.CALIBRATION_BINS),
            within(1e-12));
  }

  @Test
  void theRowLevelRankingMetricsLieWithinTheStatedBounds() {
    ScoreSummary summary = CONTINUOUS.summary(0, ROWS);
    double ap = BinaryMetrics.averagePrecision(CONTINUOUS.scores(), CONTINUOUS.fraud());
    double auc = BinaryMetrics.rocAuc(CONTINUOUS.scores(), CONTINUOUS.fraud());
    ScoreSummary.Estimate apEstimate = summary.averagePrecision();
    ScoreSummary.Estimate aucEstimate = summary.rocAuc();

    assertThat(ap).isBetween(apEstimate.low(), apEstimate.high());
    assertThat(auc).isBetween(aucEstimate.low(), aucEstimate.high());
    assertThat(Math.abs(apEstimate.value() - ap)).isLessThanOrEqualTo(apEstimate.width());
    // 0.1-point buckets on continuous scores: the bound is far below any gate's margin
    assertThat(apEstimate.width()).isLessThan(0.005);
    assertThat(aucEstimate.width()).isLessThan(0.002);
    assertThat(apEstimate.low()).isLessThan(apEstimate.value());
    assertThat(apEstimate.value()).isLessThan(apEstimate.high());
  }

  @Test
  void theValueIsScikitLearnsOnTheBucketedScores() {
    double[] bucketed = CONTINUOUS.scores().clone();
    for (int i = 0; i < bucketed.length; i++) {
      bucketed[i] = Math.floor(bucketed[i] * ScoreSummary.BUCKETS_PER_POINT);
    }
    ScoreSummary summary = CONTINUOUS.summary(0, ROWS);
    assertThat(summary.averagePrecision().value())
        .isCloseTo(BinaryMetrics.averagePrecision(bucketed, CONTINUOUS.fraud()), within(1e-12));
    assertThat(summary.rocAuc().value())
        .isCloseTo(BinaryMetrics.rocAuc(bucketed, CONTINUOUS.fraud()), within(1e-12));
  }

  @Test
  void scoresOnTheGridGiveTheExactValues() {
    Rows whole = Rows.generated(12, true);
    ScoreSummary summary = whole.summary(0, ROWS);
    assertThat(summary.averagePrecision().value())
        .isCloseTo(BinaryMetrics.averagePrecision(whole.scores(), whole.fraud()), within(1e-12));
    assertThat(summary.rocAuc().value())
        .isCloseTo(BinaryMetrics.rocAuc(whole.scores(), whole.fraud()), within(1e-12));
  }

  @Test
  void summariesOfAnySplitMergeIntoTheSummaryOfAllRows() {
    ScoreSummary whole = CONTINUOUS.summary(0, ROWS);
    ScoreSummary merged = new ScoreSummary();
    int[] cuts = {0, 3, 9_000, 9_001, 25_000, ROWS};
    for (int i = 1; i < cuts.length; i++) {
      merged.merge(CONTINUOUS.summary(cuts[i - 1], cuts[i]));
    }

    assertThat(merged.rows()).isEqualTo(whole.rows());
    assertThat(merged.averagePrecision()).isEqualTo(whole.averagePrecision());
    assertThat(merged.rocAuc()).isEqualTo(whole.rocAuc());
    assertThat(merged.logLoss()).isCloseTo(whole.logLoss(), within(1e-12));
    assertThat(merged.expectedCalibrationError())
        .isCloseTo(whole.expectedCalibrationError(), within(1e-12));
    assertThat(merged.averagePrecisionInterval(50, 0.95, 3))
        .isEqualTo(whole.averagePrecisionInterval(50, 0.95, 3));
  }

  @Test
  void thePoissonBootstrapAgreesWithTheRowBootstrap() {
    ScoreSummary summary = CONTINUOUS.summary(0, ROWS);
    Interval poisson = summary.averagePrecisionInterval(200, 0.95, 5);
    Interval rows =
        Bootstrap.interval(
            CONTINUOUS.scores(), CONTINUOUS.fraud(), BinaryMetrics::averagePrecision, 200, 0.95, 5);
    assertThat(poisson.contains(summary.averagePrecision().value())).isTrue();
    assertThat(poisson.width()).isBetween(0.75 * rows.width(), 1.33 * rows.width());
    assertThat((poisson.low() + poisson.high()) / 2)
        .isCloseTo((rows.low() + rows.high()) / 2, within(rows.width() / 4));
    assertThat(summary.averagePrecisionInterval(200, 0.95, 5)).isEqualTo(poisson);
    assertThat(summary.rocAucInterval(200, 0.95, 5).contains(summary.rocAuc().value())).isTrue();
  }

  @Test
  void thePairedPoissonBootstrapAgreesWithThePairedRowBootstrap() {
    Rows champion = Rows.generated(13, false); // another model's scores of the same rows
    double[] championScores = new double[ROWS];
    PairedScoreSummary paired = new PairedScoreSummary();
    PairedScoreSummary firstHalf = new PairedScoreSummary();
    PairedScoreSummary secondHalf = new PairedScoreSummary();
    for (int i = 0; i < ROWS; i++) {
      // the champion ranks worse: its score is half the candidate's signal, half noise
      championScores[i] = (CONTINUOUS.scores()[i] + champion.scores()[i]) / 2;
      paired.add(CONTINUOUS.scores()[i], championScores[i], CONTINUOUS.fraud()[i]);
      (i < ROWS / 3 ? firstHalf : secondHalf)
          .add(CONTINUOUS.scores()[i], championScores[i], CONTINUOUS.fraud()[i]);
    }

    Interval poisson = paired.averagePrecisionDifference(200, 0.95, 5);
    Interval rows =
        Bootstrap.pairedDifference(
            CONTINUOUS.scores(),
            championScores,
            CONTINUOUS.fraud(),
            BinaryMetrics::averagePrecision,
            200,
            0.95,
            5);
    double difference =
        BinaryMetrics.averagePrecision(CONTINUOUS.scores(), CONTINUOUS.fraud())
            - BinaryMetrics.averagePrecision(championScores, CONTINUOUS.fraud());
    assertThat(difference).isPositive();
    assertThat(poisson.contains(difference)).isTrue();
    assertThat(poisson.width()).isBetween(0.75 * rows.width(), 1.33 * rows.width());
    assertThat(firstHalf.merge(secondHalf).averagePrecisionDifference(200, 0.95, 5))
        .isEqualTo(poisson);
    assertThat(paired.rocAucDifference(200, 0.95, 5).low()).isPositive();
  }

  @Test
  void poissonDrawsHaveTheMeanAndVarianceOfTheMean() {
    SplittableRandom random = new SplittableRandom(1);
    for (double mean : new double[] {0.5, 3, 10, 57, 1e6}) {
      int draws = 20_000;
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < draws; i++) {
        long k = Poisson.draw(mean, random);
        assertThat(k).isNotNegative();
        sum += k;
        squares += (double) k * k;
      }
      double average = sum / draws;
      double variance = squares / draws - average * average;
      assertThat(average)
          .as("mean of Poisson(%s)", mean)
          .isCloseTo(mean, within(4 * Math.sqrt(mean / draws)));
      assertThat(variance / mean).as("variance of Poisson(%s)", mean).isCloseTo(1, within(0.05));
    }
    assertThat(Poisson.draw(0, random)).isZero();
    assertThat(Poisson.logFactorial(25)).isCloseTo(58.00360522298052, within(1e-11));
  }

  @Test
  void undefinedAndInvalidInput() {
    ScoreSummary onlyGenuine = new ScoreSummary().add(10, 0.1, false).add(20, 0.2, false);
    assertThat(onlyGenuine.averagePrecision().value()).isNaN();
    assertThat(onlyGenuine.rocAuc().value()).isNaN();
    assertThat(onlyGenuine.averagePrecisionInterval(20, 0.95, 1).low()).isNaN();
    assertThat(new ScoreSummary().logLoss()).isNaN();
    assertThatThrownBy(() -> new ScoreSummary().add(100.5, 0.1, true))
        .hasMessageContaining("score outside 0..100: 100.5");
    assertThatThrownBy(() -> new ScoreSummary().add(Double.NaN, 0.1, true))
        .hasMessageContaining("score outside");
    assertThatThrownBy(() -> new ScoreSummary().add(50, 1.5, true))
        .hasMessageContaining("probability outside 0..1: 1.5");
  }
}
