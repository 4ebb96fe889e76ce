package io.micromodels.evaluation.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestRequestTest {
  private static final Instant AS_OF = Instant.parse("2025-09-30T23:59:59.999999Z");
  private static final Instant LATER = Instant.parse("2025-10-07T23:59:59.999999Z");

  @Test
  void laterLabelsMoveTheEvaluationButNotTheWindows() {
    BacktestRequest request =
        BacktestRequest.walkForward(AS_OF, 1, 60, 30, 7, Map.of(), null, null, "out", "run")
            .withLabelsAsOf(LATER);

    assertThat(request.evaluatedAt()).isEqualTo(LATER);
    assertThat(request.windowsAsOf()).isEqualTo(AS_OF);
    assertThat(request.plan()).isEqualTo(new BacktestPlan.WalkForward(1, 60, 30, 7, AS_OF));
  }

  @Test
  void labelsBeforeTheWindowsAreRefused() {
    assertThatThrownBy(
            () ->
                BacktestRequest.walkForward(
                        LATER, 1, null, null, 7, Map.of(), null, null, "out", "run")
                    .withLabelsAsOf(AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a test window must end before its labels");
  }

  @Test
  void aHoldoutIsEvaluatedAtItsCandidatesAsOf() {
    BacktestRequest holdout = BacktestRequest.holdout(AS_OF, "candidates", Map.of(), "out", "run");

    assertThat(holdout.isHoldout()).isTrue();
    assertThat(holdout.windowsAsOf()).isEqualTo(AS_OF);
    assertThat(holdout.withDrift().plan()).isEqualTo(new BacktestPlan.Holdout("candidates"));
    assertThatThrownBy(() -> holdout.withLabelsAsOf(LATER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("walk-forward backtests only");
  }
}
