package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.evaluation.backtest.ClientBacktest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestExitCodeTest {
  @Test
  void aFailedClientOutranksABlockedOneWhichOutranksSuccess() {
    ClientBacktest passed = evaluated("a", true);
    ClientBacktest blocked = evaluated("b", false);
    ClientBacktest failed = ClientBacktest.failed("c", "no decision events in its test windows");

    assertThat(BacktestCommand.exitCode(List.of(passed))).isEqualTo(MicromodelsCli.EXIT_OK);
    assertThat(BacktestCommand.exitCode(List.of(passed, blocked)))
        .isEqualTo(MicromodelsCli.EXIT_BLOCKED);
    assertThat(BacktestCommand.exitCode(List.of(blocked, failed, passed)))
        .isEqualTo(MicromodelsCli.EXIT_FAILURE);
  }

  private static ClientBacktest evaluated(String id, boolean passed) {
    return new ClientBacktest(
        id,
        ClientBacktest.Status.EVALUATED,
        "",
        10,
        1,
        passed,
        passed ? List.of() : List.of("pr_auc.max_drop: 0.30 is 0.05 below the champion"),
        "",
        null,
        null,
        "",
        Map.of(),
        "r",
        "m",
        "s",
        0,
        0);
  }
}
