package io.micromodels.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs load one file at a time; the nightly's exit code ranks the outcomes. */
class ConfigScanTest {
  @TempDir Path dir;

  @Test
  void aBrokenFileFailsOnlyItsClient() throws IOException {
    Path configs = SampleConfigs.copy(dir, "dashfood", "");
    Files.writeString(configs.resolve("broken.yaml"), "client_id: broken\nno_such_key: 1\n");
    Files.writeString(configs.resolve("notes.txt"), "not a config");

    ConfigScan scan = ConfigScan.of(configs, null);

    assertThat(scan.healthy()).extracting(c -> c.clientId().value()).containsExactly("dashfood");
    assertThat(scan.broken()).containsOnlyKeys("broken");
    assertThat(scan.broken().get("broken")).contains("broken.yaml");
  }

  @Test
  void aSelectionKeepsTheNamedClientsAndRejectsUnknownOnes() throws IOException {
    Path configs = SampleConfigs.copy(dir, "dashfood", "");
    Files.writeString(configs.resolve("broken.yaml"), "client_id: broken\nno_such_key: 1\n");

    assertThat(ConfigScan.of(configs, List.of("dashfood")).broken()).isEmpty();
    assertThat(ConfigScan.of(configs, List.of("broken")).healthy()).isEmpty();
    assertThatThrownBy(() -> ConfigScan.of(configs, List.of("nobody")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no config for [nobody]");
  }

  @Test
  void aBadConfigOutranksAFailureWhichOutranksABlockWhichOutranksSuccess() {
    ClientRun ok = ClientRun.configured("a").ending(ClientRun.Outcome.OK, "");
    ClientRun blocked = ClientRun.configured("b").ending(ClientRun.Outcome.BLOCKED, "gate");
    ClientRun failed = ClientRun.configured("c").ending(ClientRun.Outcome.FAILED, "boom");
    ClientRun bad = ClientRun.badConfig("d", "unknown key");

    assertThat(exit(ok)).isZero();
    assertThat(exit(ok, blocked)).isEqualTo(3);
    assertThat(exit(blocked, failed, ok)).isEqualTo(1);
    assertThat(exit(failed, bad, blocked)).isEqualTo(2);
    assertThat(failed.ending(ClientRun.Outcome.OK, "later").outcome())
        .as("a later stage never hides an earlier failure")
        .isEqualTo(ClientRun.Outcome.FAILED);
  }

  private static int exit(ClientRun... runs) {
    return new NightlyReport(
            List.of(runs),
            "c",
            "b",
            "r",
            new io.micromodels.evaluation.backtest.StageTimes(java.util.Map.of()))
        .exitCode();
  }
}
