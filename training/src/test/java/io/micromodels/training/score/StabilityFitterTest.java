package io.micromodels.training.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Policy;
import io.micromodels.training.artifact.StabilityMap;
import io.micromodels.training.calibrate.Calibrator;
import io.micromodels.training.calibrate.Calibrators;
import io.micromodels.training.calibrate.MonotoneCurve;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class StabilityFitterTest {
  private static final int ROWS = 10_000;
  private static final Policy KEEP_BLOCK_RATE =
      new Policy(
          new Policy.Thresholds(
              60, 85, List.of(new Policy.SegmentThreshold("country", "CA", 70, 92))),
          Policy.Stability.BLOCK_RATE_AT_THRESHOLD);
  private static final Policy KEEP_FRAUD_RATE =
      new Policy(new Policy.GlobalThreshold(80, null), Policy.Stability.FRAUD_RATE_AT_SCORE);

  /** A champion and a sharper new model scoring the same rows; labels from a latent risk. */
  private record Rows(double[] scores, double[] champion, double[] labels) {
    static Rows generate(long seed) {
      Random random = new Random(seed);
      double[] scores = new double[ROWS];
      double[] champion = new double[ROWS];
      double[] labels = new double[ROWS];
      for (int i = 0; i < ROWS; i++) {
        double risk = random.nextGaussian();
        labels[i] = random.nextDouble() < sigmoid(2 * risk - 4) ? 1 : 0;
        scores[i] = 100 * sigmoid(2.2 * risk + 0.5 * random.nextGaussian() - 3);
        champion[i] = 100 * sigmoid(1.1 * risk + 0.8 * random.nextGaussian() - 2);
      }

      return new Rows(scores, champion, labels);
    }
  }

  @Test
  void blockRateAtThePolicysThresholdsIsTheChampions() {
    Rows rows = Rows.generate(7);

    StabilityMap map =
        StabilityFitter.fit(KEEP_BLOCK_RATE, rows.scores(), rows.labels(), rows.champion());

    assertThat(map.basis()).isEqualTo(StabilityMap.Basis.FITTED);
    assertThat(map.rows()).isEqualTo(ROWS);
    for (double threshold : new double[] {60, 70, 85, 92}) {
      assertThat(shareAtOrAbove(mapped(map, rows.scores()), threshold))
          .as("at %s", threshold)
          .isEqualTo(shareAtOrAbove(rows.champion(), threshold));
    }

    assertThat(shareAtOrAbove(rows.scores(), 85))
        .isNotCloseTo(shareAtOrAbove(rows.champion(), 85), within(0.005));
  }

  @Test
  void blockRateAtOtherScoresStaysCloseToTheChampions() {
    Rows rows = Rows.generate(11);

    StabilityMap map =
        StabilityFitter.fit(KEEP_BLOCK_RATE, rows.scores(), rows.labels(), rows.champion());

    double[] mapped = mapped(map, rows.scores());
    for (double threshold = 5; threshold < 100; threshold += 5) {
      assertThat(shareAtOrAbove(mapped, threshold))
          .as("at %s", threshold)
          .isCloseTo(shareAtOrAbove(rows.champion(), threshold), within(0.002));
    }
  }

  @Test
  void fraudRateMatchRecoversAKnownMonotoneRelation() {
    Rows rows = Rows.generate(3);
    DoubleUnaryOperator champion = s -> s * s / 100;
    double[] championScores = rows.scores().clone();
    for (int i = 0; i < ROWS; i++) {
      championScores[i] = champion.applyAsDouble(championScores[i]);
    }

    StabilityMap map =
        StabilityFitter.fit(KEEP_FRAUD_RATE, rows.scores(), rows.labels(), championScores);

    MonotoneCurve curve = map.curve();
    double[] xs = curve.xs();
    assertThat(xs.length).isGreaterThan(4);
    for (int i = 1; i < xs.length - 1; i++) {
      double expected =
          (1 - FraudRateMatch.BLEND) * champion.applyAsDouble(xs[i]) + FraudRateMatch.BLEND * xs[i];
      assertThat(curve.ys()[i]).as("at %s", xs[i]).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void fraudRateMapIsStrictlyIncreasing() {
    Rows rows = Rows.generate(5);

    MonotoneCurve curve =
        StabilityFitter.fit(KEEP_FRAUD_RATE, rows.scores(), rows.labels(), rows.champion()).curve();

    double[] ys = curve.ys();
    for (int i = 1; i < ys.length; i++) {
      assertThat(ys[i]).isGreaterThan(ys[i - 1]);
    }
  }

  @Test
  void fraudRateAtScoreIsTheChampionsOnTheSameRows() {
    Rows rows = Rows.generate(13);

    StabilityMap map =
        StabilityFitter.fit(KEEP_FRAUD_RATE, rows.scores(), rows.labels(), rows.champion());

    Calibrator mappedRate =
        Calibrators.fit(ModelSpec.Calibration.ISOTONIC, mapped(map, rows.scores()), rows.labels());
    Calibrator championRate =
        Calibrators.fit(ModelSpec.Calibration.ISOTONIC, rows.champion(), rows.labels());
    Calibrator unmappedRate =
        Calibrators.fit(ModelSpec.Calibration.ISOTONIC, rows.scores(), rows.labels());
    for (double score : new double[] {20, 40, 60}) {
      assertThat(mappedRate.probability(score))
          .as("at %s", score)
          .isCloseTo(championRate.probability(score), within(0.01));
    }

    assertThat(unmappedRate.probability(40))
        .isNotCloseTo(championRate.probability(40), within(0.02));
  }

  @Test
  void identityWhenThePolicyAsksForNoStability() {
    Rows rows = Rows.generate(1);
    Policy plain = new Policy(new Policy.GlobalThreshold(80, null), null);

    StabilityMap map = StabilityFitter.fit(plain, rows.scores(), rows.labels(), rows.champion());

    assertThat(map).isEqualTo(StabilityMap.notConfigured());
    assertThat(map.apply(42.5)).isEqualTo(42.5);
  }

  @Test
  void identityWithoutChampionRecordsTheMode() {
    StabilityMap map = StabilityMap.withoutChampion(KEEP_FRAUD_RATE);

    assertThat(map.basis()).isEqualTo(StabilityMap.Basis.NO_CHAMPION);
    assertThat(map.mode()).isEqualTo(Policy.Stability.FRAUD_RATE_AT_SCORE);
    assertThat(map.apply(17)).isEqualTo(17);
  }

  @Test
  void identityWhenFraudRatesCannotBeCompared() {
    double[] scores = new double[200];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i / 2.0;
    }

    StabilityMap map = StabilityFitter.fit(KEEP_FRAUD_RATE, scores, new double[200], scores);

    assertThat(map.basis()).isEqualTo(StabilityMap.Basis.INSUFFICIENT_DATA);
    assertThat(map.rows()).isEqualTo(200);
    assertThat(map.apply(33)).isEqualTo(33);
  }

  @Test
  void identityOnTooFewRows() {
    double[] scores = {10, 20, 30};

    StabilityMap map =
        StabilityFitter.fit(
            KEEP_BLOCK_RATE, scores, new double[] {0, 1, 0}, new double[] {5, 6, 7});

    assertThat(map.basis()).isEqualTo(StabilityMap.Basis.INSUFFICIENT_DATA);
  }

  @Test
  void rejectsScoresOutsideTheScale() {
    assertThatThrownBy(
            () ->
                StabilityFitter.fit(
                    KEEP_BLOCK_RATE, new double[] {101}, new double[] {0}, new double[] {50}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score of row 0 outside 0..100: 101.0 (champion 50.0)");
  }

  private static double[] mapped(StabilityMap map, double[] scores) {
    double[] out = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = map.apply(scores[i]);
    }

    return out;
  }

  private static double shareAtOrAbove(double[] scores, double threshold) {
    int count = 0;
    for (double s : scores) {
      count += s >= threshold ? 1 : 0;
    }

    return (double) count / scores.length;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
