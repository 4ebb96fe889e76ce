package io.micromodels.training.policy;

import static io.micromodels.training.policy.ActionPolicyTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.features.config.Policy;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolicyFitterTest {
  private static final Map<String, List<String>> REGIONS =
      Map.of("DACH", List.of("DE", "AT"), "WEST", List.of("FR", "NL"), "UK", List.of("GB"));
  private static final Policy BLOCK_RATES =
      new Policy(
          new Policy.BlockRateTargets(
              Map.of(
                  "DACH", new Policy.RegionTarget(0.007, null),
                  "WEST", new Policy.RegionTarget(0.005, 0.01),
                  "UK", new Policy.RegionTarget(0.006, null))),
          null);

  /** 10,000 rows: DACH and WEST with different score distributions, some in no region, no UK. */
  private record Sample(double[] scores, List<ModelInput> rows) {
    static Sample generate(long seed) {
      Random random = new Random(seed);
      double[] scores = new double[10_000];
      List<ModelInput> rows = new ArrayList<>();
      for (int i = 0; i < scores.length; i++) {
        String country =
            i < 5_000 ? (i % 2 == 0 ? "DE" : "AT") : i < 9_500 ? (i % 2 == 0 ? "FR" : "NL") : "US";
        double logOdds =
            country.equals("DE") || country.equals("AT")
                ? -3 + 1.2 * random.nextGaussian()
                : -1.5 + 1.6 * random.nextGaussian();
        scores[i] = 100 / (1 + Math.exp(-logOdds));
        rows.add(row(country));
      }

      return new Sample(scores, rows);
    }
  }

  @Test
  void thresholdsCompileWithExceptionsInConfigOrder() {
    Policy policy =
        new Policy(
            new Policy.Thresholds(
                60,
                85,
                List.of(
                    new Policy.SegmentThreshold("category", "spirits", 50, 80),
                    new Policy.SegmentThreshold("region", "DACH", 55, 85),
                    new Policy.SegmentThreshold("country", "DE", 70, 95))),
            null);

    ActionPolicy fitted = PolicyFitter.fit(policy, REGIONS, new double[0], List.of());

    assertThat(fitted.reviewAt()).isEqualTo(60);
    assertThat(fitted.preventAt()).isEqualTo(85);
    assertThat(fitted.rules())
        .containsExactly(
            new SegmentRule(SegmentRule.Dimension.CATEGORY, "spirits", 50, 80),
            new SegmentRule(SegmentRule.Dimension.REGION, "DACH", 55, 85),
            new SegmentRule(SegmentRule.Dimension.COUNTRY, "DE", 70, 95));
    assertThat(fitted.derived()).isEmpty();
    assertThat(fitted.action(90, row("DE")))
        .as("region rule comes before the country rule")
        .isEqualTo(Action.PREVENT);
    assertThat(fitted.segmentOf(row("DE"))).isEqualTo("region=DACH");
  }

  @Test
  void globalThresholdWithReviewBand() {
    Policy policy = new Policy(new Policy.GlobalThreshold(80, 65.0), null);

    ActionPolicy fitted = PolicyFitter.fit(policy, REGIONS, new double[0], List.of());

    assertThat(fitted)
        .isEqualTo(
            new ActionPolicy(
                65,
                80,
                List.of(),
                Map.of("DE", "DACH", "AT", "DACH", "FR", "WEST", "NL", "WEST", "GB", "UK"),
                List.of()));
  }

  @Test
  void globalThresholdWithoutReviewBandReviewsNothing() {
    Policy policy = new Policy(new Policy.GlobalThreshold(80, null), null);

    ActionPolicy fitted = PolicyFitter.fit(policy, Map.of(), new double[0], List.of());

    assertThat(fitted.reviewAt()).isEqualTo(80);
    assertThat(fitted.action(79, row("FR"))).isEqualTo(Action.ALLOW);
  }

  @Test
  void blockRateTargetsAreMetPerRegionOnTheCalibrationRows() {
    Sample sample = Sample.generate(42);

    ActionPolicy fitted = PolicyFitter.fit(BLOCK_RATES, REGIONS, sample.scores(), sample.rows());

    DerivedThreshold dach = derived(fitted, "DACH");
    DerivedThreshold west = derived(fitted, "WEST");
    assertThat(dach.source()).isEqualTo(DerivedThreshold.Source.REGION);
    assertThat(dach.rows()).isEqualTo(5_000);
    assertThat(dach.achievedBlockRate())
        .isCloseTo(0.007, within(1.0 / 5_000))
        .isLessThanOrEqualTo(0.007);
    assertThat(dach.reviewAt()).isEqualTo(dach.preventAt());
    assertThat(dach.achievedReviewRate()).isZero();
    assertThat(west.rows()).isEqualTo(4_500);
    assertThat(west.achievedBlockRate()).isCloseTo(0.005, within(1.0 / 4_500));
    assertThat(west.achievedReviewRate()).isCloseTo(0.01, within(2.0 / 4_500));
    assertThat(west.preventAt())
        .as("regions' distributions differ")
        .isGreaterThan(dach.preventAt() + 5);
    assertThat(actionShare(fitted, sample, "DE", "AT")).isEqualTo(dach.achievedBlockRate());
    assertThat(actionShare(fitted, sample, "FR", "NL")).isEqualTo(west.achievedBlockRate());
  }

  @Test
  void regionWithoutRowsTakesThePooledDistribution() {
    Sample sample = Sample.generate(42);

    ActionPolicy fitted = PolicyFitter.fit(BLOCK_RATES, REGIONS, sample.scores(), sample.rows());

    DerivedThreshold uk = derived(fitted, "UK");
    assertThat(uk.source()).isEqualTo(DerivedThreshold.Source.POOLED);
    assertThat(uk.rows()).isZero();
    assertThat(uk.achievedBlockRate()).isNull();
    assertThat(uk.preventAt())
        .isEqualTo(BlockRateThresholds.thresholdFor(descending(sample.scores()), 0.006));
    assertThat(fitted.action(uk.preventAt(), row("GB"))).isEqualTo(Action.PREVENT);
  }

  @Test
  void eventsInNoRegionGetThePooledThresholdsOfTheSmallestTarget() {
    Sample sample = Sample.generate(42);

    ActionPolicy fitted = PolicyFitter.fit(BLOCK_RATES, REGIONS, sample.scores(), sample.rows());

    DerivedThreshold unassigned = fitted.derived().get(fitted.derived().size() - 1);
    double[] pooled = descending(sample.scores());
    assertThat(unassigned.region()).isNull();
    assertThat(unassigned.rows()).isEqualTo(500);
    assertThat(unassigned.targetBlockRate()).isEqualTo(0.005);
    assertThat(unassigned.preventAt())
        .isEqualTo(BlockRateThresholds.thresholdFor(pooled, 0.005))
        .isEqualTo(fitted.preventAt());
    assertThat(unassigned.reviewAt())
        .isEqualTo(BlockRateThresholds.thresholdFor(pooled, 0.015))
        .isEqualTo(fitted.reviewAt());
    assertThat(fitted.segmentOf(row("US"))).isEqualTo("default");
  }

  @Test
  void smallRegionFallsBackToThePooledDistribution() {
    Sample sample = Sample.generate(9);
    List<ModelInput> rows = new ArrayList<>(sample.rows());
    for (int i = 0; i < 200; i++) {
      rows.set(i, row("GB"));
    }

    ActionPolicy fitted = PolicyFitter.fit(BLOCK_RATES, REGIONS, sample.scores(), rows);

    DerivedThreshold uk = derived(fitted, "UK");
    assertThat(uk.rows()).isEqualTo(200);
    assertThat(uk.source()).isEqualTo(DerivedThreshold.Source.POOLED);
    assertThat(uk.achievedBlockRate()).isNotNull();
  }

  @Test
  void tiesAtTheBoundaryStayOutWhole() {
    double[] scores = new double[1_000];
    Arrays.fill(scores, 10);
    Arrays.fill(scores, 0, 5, 90);
    Arrays.fill(scores, 5, 25, 50);

    assertThat(BlockRateThresholds.thresholdFor(descending(scores), 0.01)).isEqualTo(90);
    assertThat(BlockRateThresholds.thresholdFor(descending(scores), 0.025)).isEqualTo(50);
    assertThat(BlockRateThresholds.thresholdFor(descending(scores), 0.004))
        .isEqualTo(Math.nextUp(90.0));
  }

  @Test
  void tiedScoresInARegionKeepTheAchievedRateAtOrBelowTarget() {
    double[] scores = new double[2_000];
    List<ModelInput> rows = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i < 10 ? 99 : i < 40 ? 95 : (i % 50);
      rows.add(row("DE"));
    }

    Policy policy =
        new Policy(
            new Policy.BlockRateTargets(Map.of("DACH", new Policy.RegionTarget(0.01, null))), null);
    ActionPolicy fitted = PolicyFitter.fit(policy, REGIONS, scores, rows);

    DerivedThreshold dach = derived(fitted, "DACH");
    assertThat(dach.preventAt()).isEqualTo(99);
    assertThat(dach.achievedBlockRate()).isEqualTo(10.0 / 2_000);
  }

  @Test
  void blockRateTargetsNeedRows() {
    assertThatThrownBy(() -> PolicyFitter.fit(BLOCK_RATES, REGIONS, new double[0], List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block-rate targets need calibration rows, got none");
  }

  @Test
  void rejectsScoresAndRowsOfDifferentLength() {
    assertThatThrownBy(
            () -> PolicyFitter.fit(BLOCK_RATES, REGIONS, new double[2], List.of(row("DE"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores and rows differ in length: 2 vs 1");
  }

  private static DerivedThreshold derived(ActionPolicy policy, String region) {
    return policy.derived().stream()
        .filter(d -> region.equals(d.region()))
        .findFirst()
        .orElseThrow();
  }

  private static double actionShare(ActionPolicy policy, Sample sample, String... countries) {
    int prevented = 0;
    int rows = 0;
    for (int i = 0; i < sample.scores().length; i++) {
      ModelInput row = sample.rows().get(i);
      if (List.of(countries).contains(row.text("country"))) {
        rows++;
        prevented += policy.action(sample.scores()[i], row) == Action.PREVENT ? 1 : 0;
      }
    }

    return (double) prevented / rows;
  }

  private static double[] descending(double[] scores) {
    return Arrays.stream(scores)
        .boxed()
        .sorted(Comparator.reverseOrder())
        .mapToDouble(Double::doubleValue)
        .toArray();
  }
}
