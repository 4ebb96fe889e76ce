package io.micromodels.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.jobs.pipeline.ClientRun.GateStatus;
import io.micromodels.jobs.pipeline.ClientRun.TrainStatus;
import io.micromodels.jobs.pipeline.ClientRun.VersionStep;
import org.junit.jupiter.api.Test;

class ClientRunTest {
  @Test
  void theSummaryShowsEachStageAsItsStatusInLowerCase() {
    ClientRun run =
        ClientRun.configured("acme")
            .trained(TrainStatus.FALLBACK)
            .gated(GateStatus.PASSED)
            .published(VersionStep.version(3))
            .promoted(VersionStep.of(VersionStep.Kind.OFF))
            .ending(ClientRun.Outcome.OK, "report r");

    assertThat(run.cells())
        .containsExactly("acme", "ok", "fallback", "passed", "v3", "off", "report r");
    assertThat(ClientRun.badConfig("bad", "unknown key").cells())
        .containsExactly("bad", "invalid", "-", "-", "-", "-", "unknown key");
  }

  @Test
  void onlyAReleasedStepHasAVersion() {
    assertThatThrownBy(() -> new VersionStep(VersionStep.Kind.RELEASED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VersionStep(VersionStep.Kind.BLOCKED, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
