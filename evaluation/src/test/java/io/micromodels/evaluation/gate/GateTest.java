package io.micromodels.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.features.ConfigException;
import io.micromodels.features.config.GateSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
  private static final Map<String, Double> NO_LIVE = Map.of();
  private static final Map<String, Double> NO_CHAMPION = null;

  private static GateCheck only(
      GateSpec gate, Map<String, Double> offline, Map<String, Double> champion) {
    List<GateCheck> checks = Gate.evaluate(List.of(gate), offline, NO_LIVE, champion).checks();
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }

  private static GateSpec min(String metric, double min) {
    return new GateSpec(metric, min, null, null, null);
  }

  private static GateSpec max(String metric, double max) {
    return new GateSpec(metric, null, max, null, null);
  }

  private static GateSpec maxDrop(String metric, double drop) {
    return new GateSpec(metric, null, null, drop, null);
  }

  private static GateSpec maxIncrease(String metric, double increase) {
    return new GateSpec(metric, null, null, null, increase);
  }

  @Test
  void minPassesAtTheThresholdAndFailsBelowIt() {
    GateCheck equal = only(min("prevented_asserts", 0.7), Map.of("prevented_asserts", 0.7), null);
    GateCheck below = only(min("prevented_asserts", 0.7), Map.of("prevented_asserts", 0.65), null);

    assertThat(equal.status()).isEqualTo(CheckStatus.PASS);
    assertThat(equal.reason()).isEqualTo("prevented_asserts 0.700 is at least 0.70");
    assertThat(equal.bound()).isEqualTo("≥ 0.70");
    assertThat(equal.threshold()).isEqualTo(0.7);
    assertThat(equal.name()).isEqualTo("prevented_asserts.min");
    assertThat(below.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(below.reason()).isEqualTo("prevented_asserts 0.650 is 0.050 below the minimum 0.70");
  }

  @Test
  void maxPassesAtTheThresholdAndFailsAboveIt() {
    GateCheck equal =
        only(max("action_change_rate", 0.05), Map.of("action_change_rate", 0.05), Map.of());
    GateCheck above =
        only(max("action_change_rate", 0.05), Map.of("action_change_rate", 0.062), Map.of());

    assertThat(equal.status()).isEqualTo(CheckStatus.PASS);
    assertThat(equal.reason()).isEqualTo("action_change_rate 0.050 is at most 0.05");
    assertThat(equal.bound()).isEqualTo("≤ 0.05");
    assertThat(above.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(above.reason())
        .isEqualTo("action_change_rate 0.062 is 0.012 above the maximum 0.05");
  }

  @Test
  void maxDropPassesAtTheAllowedDropAndFailsBeyondIt() {
    Map<String, Double> champion = Map.of("pr_auc", 0.41);
    GateCheck atLimit = only(maxDrop("pr_auc", 0.02), Map.of("pr_auc", 0.39), champion);
    GateCheck beyond = only(maxDrop("pr_auc", 0.02), Map.of("pr_auc", 0.372), champion);

    assertThat(atLimit.status()).isEqualTo(CheckStatus.PASS);
    assertThat(atLimit.reason())
        .isEqualTo(
            "pr_auc 0.390 is 0.020 below the champion's 0.410, within the allowed drop 0.02");
    assertThat(beyond.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(beyond.reason())
        .isEqualTo("pr_auc 0.372 is 0.038 below the champion's 0.410 (allowed drop 0.02)");
    assertThat(beyond.bound()).isEqualTo("drop ≤ 0.02 vs 0.410");
    assertThat(beyond.threshold()).isCloseTo(0.39, within(1e-12));
    assertThat(beyond.champion()).isEqualTo(0.41);
    assertThat(beyond.name()).isEqualTo("pr_auc.max_drop");
  }

  @Test
  void anImprovementPassesAMaxDrop() {
    GateCheck better =
        only(maxDrop("pr_auc", 0.02), Map.of("pr_auc", 0.45), Map.of("pr_auc", 0.41));

    assertThat(better.status()).isEqualTo(CheckStatus.PASS);
    assertThat(better.reason())
        .isEqualTo(
            "pr_auc 0.450 is 0.040 above the champion's 0.410, within the allowed drop 0.02");
  }

  @Test
  void binaryRoundingDoesNotFailAValueExactlyAtTheBoundary() {
    // 0.8 - 0.6 is 0.20000000000000007 in doubles.
    GateCheck check = only(maxDrop("roc_auc", 0.2), Map.of("roc_auc", 0.6), Map.of("roc_auc", 0.8));
    GateCheck justBeyond =
        only(maxDrop("roc_auc", 0.2), Map.of("roc_auc", 0.5999), Map.of("roc_auc", 0.8));

    assertThat(check.status()).isEqualTo(CheckStatus.PASS);
    assertThat(justBeyond.status()).isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void maxIncreasePassesAtTheAllowedIncreaseAndFailsBeyondIt() {
    Map<String, Double> champion = Map.of("log_loss", 0.42);
    GateCheck atLimit = only(maxIncrease("log_loss", 0.02), Map.of("log_loss", 0.44), champion);
    GateCheck beyond = only(maxIncrease("log_loss", 0.02), Map.of("log_loss", 0.45), champion);
    GateCheck same = only(maxIncrease("log_loss", 0.02), Map.of("log_loss", 0.42), champion);

    assertThat(atLimit.status()).isEqualTo(CheckStatus.PASS);
    assertThat(beyond.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(beyond.reason())
        .isEqualTo("log_loss 0.450 is 0.030 above the champion's 0.420 (allowed increase 0.02)");
    assertThat(beyond.bound()).isEqualTo("increase ≤ 0.02 vs 0.420");
    assertThat(beyond.threshold()).isCloseTo(0.44, within(1e-12));
    assertThat(same.reason())
        .isEqualTo("log_loss 0.420 equals the champion's 0.420, within the allowed increase 0.02");
  }

  @Test
  void aRelativeBoundWithoutChampionIsNotCheckedAndDoesNotBlock() {
    GateResult result =
        Gate.evaluate(
            List.of(maxDrop("pr_auc", 0.02)), Map.of("pr_auc", 0.1), NO_LIVE, NO_CHAMPION);

    GateCheck check = result.checks().get(0);
    assertThat(check.status()).isEqualTo(CheckStatus.NOT_CHECKED);
    assertThat(check.reason()).isEqualTo("no champion: first release");
    assertThat(check.bound()).isEqualTo("drop ≤ 0.02");
    assertThat(check.threshold()).isNull();
    assertThat(check.champion()).isNull();
    assertThat(result.passed()).isTrue();
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void aComparisonMetricWithoutChampionIsNotCheckedWhateverItsValue() {
    Map<String, Double> offline = new HashMap<>();
    offline.put("feature_rank_correlation", Double.NaN);
    GateResult result =
        Gate.evaluate(
            List.of(max("action_change_rate", 0.05), min("feature_rank_correlation", 0.8)),
            offline,
            NO_LIVE,
            NO_CHAMPION);

    assertThat(result.checks())
        .extracting(GateCheck::status)
        .containsExactly(CheckStatus.NOT_CHECKED, CheckStatus.NOT_CHECKED);
    assertThat(result.checks().get(0).reason())
        .isEqualTo(
            "no champion: action_change_rate"
                + " compares the candidate with the champion, so a first release has none");
    assertThat(result.checks().get(1).threshold()).isEqualTo(0.8);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aComparisonMetricMissingDespiteAChampionFails() {
    GateCheck check = only(max("action_change_rate", 0.05), Map.of(), Map.of("pr_auc", 0.4));

    assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(check.reason())
        .isEqualTo(
            "action_change_rate is not measurable (the evaluation"
                + " reported no value), so its bound ≤ 0.05 cannot pass");
  }

  @Test
  void aNanOrMissingCandidateValueFailsAsNotMeasurable() {
    GateCheck nan = only(min("pr_auc", 0.3), Map.of("pr_auc", Double.NaN), NO_CHAMPION);
    GateCheck missing = only(min("pr_auc", 0.3), Map.of(), NO_CHAMPION);
    GateCheck relative =
        only(maxDrop("pr_auc", 0.02), Map.of("pr_auc", Double.NaN), Map.of("pr_auc", 0.41));

    assertThat(nan.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(nan.offline()).isNull();
    assertThat(nan.reason())
        .isEqualTo(
            "pr_auc is not measurable (the value is NaN: undefined on"
                + " this window), so its bound ≥ 0.30 cannot pass");
    assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(missing.reason())
        .isEqualTo(
            "pr_auc is not measurable (the evaluation reported no"
                + " value), so its bound ≥ 0.30 cannot pass");
    assertThat(relative.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(relative.reason()).startsWith("pr_auc is not measurable (the value is NaN");
  }

  @Test
  void aChampionWithoutTheMetricFailsARelativeBound() {
    GateCheck check = only(maxDrop("pr_auc", 0.02), Map.of("pr_auc", 0.4), Map.of("roc_auc", 0.8));

    assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(check.threshold()).isNull();
    assertThat(check.reason())
        .isEqualTo(
            "pr_auc is not measurable (the champion has no value),"
                + " so its bound drop ≤ 0.02 vs the champion cannot pass");
  }

  @Test
  void aSpecWithSeveralBoundsGivesOneCheckPerBoundInConfigOrder() {
    GateSpec prAuc = new GateSpec("pr_auc", 0.3, 0.95, 0.02, 0.1);
    GateResult result =
        Gate.evaluate(List.of(prAuc), Map.of("pr_auc", 0.52), NO_LIVE, Map.of("pr_auc", 0.41));

    assertThat(result.checks())
        .extracting(GateCheck::name)
        .containsExactly("pr_auc.min", "pr_auc.max", "pr_auc.max_drop", "pr_auc.max_increase");
    assertThat(result.checks())
        .extracting(GateCheck::status)
        .containsExactly(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
    assertThat(result.failures())
        .containsExactly(
            "pr_auc 0.520 is 0.110 above the champion's 0.410 (allowed increase 0.10)");
  }

  @Test
  void theDefaultsOnAFirstReleaseCheckOnlyTheAbsoluteNonComparisonBounds() {
    Map<String, Double> offline =
        Map.of("pr_auc", 0.41, "calibration_difference", 0.01, "prevented_asserts", 0.9);
    GateResult result = Gate.evaluate(GateSpec.defaults(), offline, NO_LIVE, NO_CHAMPION);

    assertThat(result.checks())
        .extracting(GateCheck::name, GateCheck::status)
        .containsExactly(
            tuple("pr_auc.max_drop", CheckStatus.NOT_CHECKED),
            tuple("action_change_rate.max", CheckStatus.NOT_CHECKED),
            tuple("calibration_difference.max", CheckStatus.PASS),
            tuple("prevented_asserts.min", CheckStatus.PASS),
            tuple("feature_rank_correlation.min", CheckStatus.NOT_CHECKED));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aMetricWithAKnownCauseForItsMissingValueFailsNamingTheCause() {
    String cause =
        "client acme has no `assertions` file: prevented_asserts cannot be measured;"
            + " configure one or remove the gate";
    GateResult result =
        Gate.evaluate(
            GateSpec.defaults(),
            Map.of("calibration_difference", 0.01, "prevented_asserts", Double.NaN),
            NO_LIVE,
            NO_CHAMPION,
            Map.of("prevented_asserts", cause));

    assertThat(result.checks())
        .filteredOn(c -> c.name().equals("prevented_asserts.min"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
              assertThat(c.reason()).isEqualTo(cause);
            });
    assertThat(result.passed()).isFalse();
  }

  @Test
  void theDefaultsAgainstAChampionListEveryFailureWithItsNumbers() {
    Map<String, Double> offline =
        Map.of(
            "pr_auc",
            0.372,
            "action_change_rate",
            0.08,
            "calibration_difference",
            0.01,
            "prevented_asserts",
            0.7,
            "feature_rank_correlation",
            0.6);
    Map<String, Double> champion = Map.of("pr_auc", 0.41, "calibration_difference", 0.02);
    GateResult result = Gate.evaluate(GateSpec.defaults(), offline, NO_LIVE, champion);

    assertThat(result.passed()).isFalse();
    assertThat(result.failures())
        .containsExactly(
            "pr_auc 0.372 is 0.038 below the champion's 0.410 (allowed drop 0.02)",
            "action_change_rate 0.080 is 0.030 above the maximum 0.05",
            "feature_rank_correlation 0.600 is 0.200 below the minimum 0.80");
    assertThat(result.withStatus(CheckStatus.PASS))
        .extracting(GateCheck::name)
        .containsExactly("calibration_difference.max", "prevented_asserts.min");
  }

  @Test
  void theLiveValueIsShownButDoesNotDecide() {
    GateResult result =
        Gate.evaluate(
            List.of(min("pr_auc", 0.3)),
            Map.of("pr_auc", 0.35),
            Map.of("pr_auc", 0.1),
            NO_CHAMPION);
    GateResult noLive =
        Gate.evaluate(List.of(min("pr_auc", 0.3)), Map.of("pr_auc", 0.35), null, NO_CHAMPION);

    assertThat(result.checks().get(0).live()).isEqualTo(0.1);
    assertThat(result.checks().get(0).status()).isEqualTo(CheckStatus.PASS);
    assertThat(noLive.checks().get(0).live()).isNull();
    assertThat(noLive.passed()).isTrue();
  }

  @Test
  void aRelativeBoundOnAComparisonMetricIsAConfigError() {
    List<GateSpec> gates = List.of(maxDrop("score_rank_correlation", 0.1));

    assertThatThrownBy(() -> Gate.validate(gates))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Gate score_rank_correlation sets max_drop, but score_rank_correlation already"
                + " compares the candidate with the champion. Use min or max for it in the client"
                + " config's gates.");
    assertThatThrownBy(() -> Gate.evaluate(gates, Map.of(), NO_LIVE, Map.of()))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void noGatesPass() {
    GateResult result = Gate.evaluate(List.of(), Map.of(), NO_LIVE, NO_CHAMPION);

    assertThat(result.checks()).isEmpty();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aResultRefusesAVerdictThatContradictsItsFailures() {
    assertThatThrownBy(() -> new GateResult(List.of(), true, List.of("pr_auc too low")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("passed is true with failures [pr_auc too low]");
  }
}
