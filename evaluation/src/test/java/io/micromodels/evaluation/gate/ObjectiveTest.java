package io.micromodels.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.features.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectiveTest {
  private static final double LEVEL = 0.95;

  @Test
  void aSignedNumberIsAChangeVsTheChampion() {
    assertThat(Objective.parse("pr_auc:+0.01"))
        .isEqualTo(new Objective("pr_auc", Objective.Kind.CHANGE, 0.01));
    assertThat(Objective.parse("log_loss:-0.01"))
        .isEqualTo(new Objective("log_loss", Objective.Kind.CHANGE, -0.01));
    assertThat(Objective.parse("pr_auc:+0.01").requirement()).isEqualTo("+0.01");
    assertThat(Objective.parse("log_loss:-0.01").requirement()).isEqualTo("−0.01");
  }

  @Test
  void anUnsignedNumberIsAnAbsoluteBoundInTheMetricsBetterDirection() {
    Objective prAuc = Objective.parse("pr_auc:.45");
    Objective changes = Objective.parse("action_change_rate:0.05");

    assertThat(prAuc).isEqualTo(new Objective("pr_auc", Objective.Kind.BOUND, 0.45));
    assertThat(prAuc.requirement()).isEqualTo("≥ 0.45");
    assertThat(changes.requirement()).isEqualTo("≤ 0.05");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "better",
        "pr_auc:",
        "pr_auc:+",
        "PR_AUC:+0.01",
        "pr_auc:+0.01x",
        "pr_auc=0.01",
        "pr_auc:1e-2"
      })
  void badSyntaxNamesBothForms(String text) {
    assertThatThrownBy(() -> Objective.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--objective '"
                + text
                + "' must be metric:change, a change vs the champion"
                + " (pr_auc:+0.01, log_loss:-0.01), or metric:bound, an absolute bound (pr_auc:0.45).");
  }

  @Test
  void anUnknownMetricNamesTheValidOnes() {
    assertThatThrownBy(() -> Objective.parse("auc:+0.01"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "--objective 'auc:+0.01': unknown metric auc. Use one of"
                + " action_change_rate, block_rate, brier,")
        .hasMessageContaining(" pr_auc,")
        .hasMessageEndingWith(", score_rank_correlation.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"block_rate:0.01", "review_rate:+0.01"})
  void aNeutralMetricIsRefused(String text) {
    assertThatThrownBy(() -> Objective.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("--objective '" + text + "': ")
        .hasMessageContaining("is neither better higher nor lower (the policy sets it)");
  }

  @Test
  void aChangeOfAComparisonMetricIsRefused() {
    assertThatThrownBy(() -> Objective.parse("action_change_rate:-0.01"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--objective 'action_change_rate:-0.01': action_change_rate already compares"
                + " the candidate with the champion, so a change vs the champion has no meaning. Give"
                + " an absolute bound instead, e.g. action_change_rate:0.05.");
  }

  @Test
  void theConstructorChecksLikeTheParser() {
    assertThatThrownBy(() -> new Objective("block_rate", Objective.Kind.BOUND, 0.01))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("--objective 'block_rate:0.01': block_rate is neither");
  }

  @Test
  void aChangeMetButNotConfirmedByItsInterval() {
    ObjectiveResult result =
        Objective.parse("pr_auc:+0.01").evaluate(0.423, 0.41, -0.002, 0.028, LEVEL);

    assertThat(result.met()).isTrue();
    assertThat(result.confident()).isFalse();
    assertThat(result.observed()).isCloseTo(0.013, within(1e-12));
    assertThat(result.ciLow()).isEqualTo(-0.002);
    assertThat(result.level()).isEqualTo(LEVEL);
    assertThat(result.statement())
        .isEqualTo(
            "pr_auc +0.013 vs the champion (95% CI −0.002 …"
                + " +0.028): objective +0.01 met, not confirmed by the interval");
  }

  @Test
  void aChangeWhoseIntervalStartsAtTheTargetIsConfirmed() {
    ObjectiveResult result = Objective.parse("pr_auc:+0.01").evaluate(0.42, 0.41, 0.01, 0.03, 0.9);

    assertThat(result.met()).isTrue();
    assertThat(result.confident()).isTrue();
    assertThat(result.statement())
        .isEqualTo(
            "pr_auc +0.010 vs the champion (90% CI +0.010 …"
                + " +0.030): objective +0.01 met, confirmed by the interval");
  }

  @Test
  void aChangeNotMetSaysWhetherTheIntervalRulesItOut() {
    Objective objective = Objective.parse("pr_auc:+0.01");
    ObjectiveResult open = objective.evaluate(0.414, 0.41, -0.01, 0.018, LEVEL);
    ObjectiveResult ruledOut = objective.evaluate(0.414, 0.41, 0.001, 0.008, LEVEL);

    assertThat(open.met()).isFalse();
    assertThat(open.statement())
        .endsWith("objective +0.01 not met, though the interval does not" + " rule it out");
    assertThat(ruledOut.met()).isFalse();
    assertThat(ruledOut.confident()).isFalse();
    assertThat(ruledOut.statement())
        .isEqualTo(
            "pr_auc +0.004 vs the champion (95% CI +0.001 …"
                + " +0.008): objective +0.01 not met, ruled out by the interval");
  }

  @Test
  void aLowerIsBetterChangeMustGoDown() {
    Objective objective = Objective.parse("log_loss:-0.01");
    ObjectiveResult unconfirmed = objective.evaluate(0.400, 0.412, -0.02, -0.004, LEVEL);
    ObjectiveResult confirmed = objective.evaluate(0.400, 0.412, -0.02, -0.011, LEVEL);
    ObjectiveResult worse = objective.evaluate(0.42, 0.412);

    assertThat(unconfirmed.met()).isTrue();
    assertThat(unconfirmed.confident()).isFalse();
    assertThat(unconfirmed.statement())
        .isEqualTo(
            "log_loss −0.012 vs the champion (95% CI −0.020"
                + " … −0.004): objective −0.01 met, not confirmed by the interval");
    assertThat(confirmed.confident()).isTrue();
    assertThat(worse.met()).isFalse();
  }

  @Test
  void aNegativeChangeOfAHigherIsBetterMetricIsANonInferiorityMargin() {
    ObjectiveResult result = Objective.parse("pr_auc:-0.01").evaluate(0.405, 0.41);

    assertThat(result.met()).isTrue();
    assertThat(result.statement())
        .isEqualTo(
            "pr_auc −0.005 vs the champion: objective −0.01 met" + " (no confidence interval)");
  }

  @Test
  void anAbsoluteBoundChecksTheCandidateAlone() {
    ObjectiveResult prAuc =
        Objective.parse("pr_auc:0.45").evaluate(0.452, null, 0.431, 0.47, LEVEL);
    ObjectiveResult changes =
        Objective.parse("action_change_rate:0.05").evaluate(0.03, null, 0.02, 0.045, LEVEL);
    ObjectiveResult tooHigh = Objective.parse("action_change_rate:0.05").evaluate(0.06, null);

    assertThat(prAuc.met()).isTrue();
    assertThat(prAuc.confident()).isFalse();
    assertThat(prAuc.observed()).isEqualTo(0.452);
    assertThat(prAuc.statement())
        .isEqualTo(
            "pr_auc 0.452 (95% CI 0.431 … 0.470): objective"
                + " ≥ 0.45 met, not confirmed by the interval");
    assertThat(changes.met()).isTrue();
    assertThat(changes.confident()).isTrue();
    assertThat(tooHigh.met()).isFalse();
    assertThat(tooHigh.statement())
        .isEqualTo(
            "action_change_rate 0.060: objective ≤ 0.05 not met" + " (no confidence interval)");
  }

  @Test
  void aChangeWithoutChampionIsNotEvaluable() {
    ObjectiveResult result = Objective.parse("pr_auc:+0.01").evaluate(0.45, null, 0.4, 0.5, LEVEL);

    assertThat(result.met()).isNull();
    assertThat(result.isEvaluable()).isFalse();
    assertThat(result.confident()).isFalse();
    assertThat(result.observed()).isNull();
    assertThat(result.statement())
        .isEqualTo(
            "pr_auc: no champion to compare with (first"
                + " release): objective +0.01 not evaluable");
  }

  @Test
  void anUnmeasurableValueIsNotEvaluable() {
    ObjectiveResult candidate = Objective.parse("pr_auc:0.45").evaluate(Double.NaN, 0.41);
    ObjectiveResult champion = Objective.parse("pr_auc:+0.01").evaluate(0.45, Double.NaN);
    ObjectiveResult comparison =
        Objective.parse("feature_rank_correlation:0.8").evaluate(Double.NaN, null);

    assertThat(candidate.met()).isNull();
    assertThat(candidate.statement())
        .isEqualTo("pr_auc is not measurable: objective ≥ 0.45 not evaluable");
    assertThat(champion.statement())
        .isEqualTo(
            "pr_auc: the champion's value is not measurable:" + " objective +0.01 not evaluable");
    assertThat(comparison.statement())
        .isEqualTo(
            "feature_rank_correlation is not measurable (it"
                + " compares the candidate with the champion: is there one?): objective ≥ 0.80 not"
                + " evaluable");
  }

  @Test
  void aNanIntervalMeansNoInterval() {
    ObjectiveResult result =
        Objective.parse("pr_auc:+0.01").evaluate(0.43, 0.41, Double.NaN, Double.NaN, LEVEL);

    assertThat(result.ciLow()).isNull();
    assertThat(result.statement()).endsWith("met (no confidence interval)");
  }

  @Test
  void aBrokenIntervalIsRefused() {
    Objective objective = Objective.parse("pr_auc:+0.01");

    assertThatThrownBy(() -> objective.evaluate(0.43, 0.41, 0.03, 0.01, LEVEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence interval low 0.03 > high 0.01");
    assertThatThrownBy(() -> objective.evaluate(0.43, 0.41, 0.01, 0.03, 95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence level 95.0 is not in (0, 1)");
  }
}
