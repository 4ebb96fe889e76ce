package io.micromodels.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.config.GateSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HappyPathTableTest {
  private static final List<GateSpec> GATES =
      List.of(
          new GateSpec("pr_auc", null, null, 0.02, null),
          new GateSpec("action_change_rate", null, 0.05, null, null),
          new GateSpec("prevented_asserts", 0.7, null, null, null));

  private static GateResult failing() {
    return Gate.evaluate(
        GATES,
        Map.of("pr_auc", 0.372, "action_change_rate", 0.031, "prevented_asserts", 0.75),
        Map.of("pr_auc", 0.365),
        Map.of("pr_auc", 0.41));
  }

  @Test
  void theTerminalTableAlignsColumnsAndListsTheFailures() {
    assertThat(HappyPathTable.render(failing()))
        .isEqualTo(
            """
        metric              offline  live   champion  bound                 status
        pr_auc              0.372    0.365  0.410     drop ≤ 0.02 vs 0.410  ✗
        action_change_rate  0.031    -      -         ≤ 0.05                ✓
        prevented_asserts   0.750    -      -         ≥ 0.70                ✓
        Gate failed: 1 of 3 checks failed
          ✗ pr_auc.max_drop: pr_auc 0.372 is 0.038 below the champion's 0.410 (allowed drop 0.02)
        """);
  }

  @Test
  void theTerminalTableOfAFirstReleaseSaysWhatWasNotChecked() {
    GateResult result = Gate.evaluate(GATES, Map.of("prevented_asserts", 0.75), Map.of(), null);

    assertThat(HappyPathTable.render(result))
        .isEqualTo(
            """
        metric              offline  live  champion  bound        status
        pr_auc              -        -     -         drop ≤ 0.02  –
        action_change_rate  -        -     -         ≤ 0.05       –
        prevented_asserts   0.750    -     -         ≥ 0.70       ✓
        Gate passed: 1 of 3 checks passed, 2 not checked
          – pr_auc.max_drop: no champion: first release
          – action_change_rate.max: no champion: action_change_rate compares the candidate with\
         the champion, so a first release has none
        """);
  }

  @Test
  void jsonRowsCarryTheManifestFieldsInSnakeCase() throws Exception {
    String json = new ObjectMapper().writeValueAsString(HappyPathTable.rows(failing()));
    JsonNode rows = new ObjectMapper().readTree(json);

    assertThat(rows).hasSize(3);
    JsonNode prAuc = rows.get(0);
    assertThat(prAuc.fieldNames())
        .toIterable()
        .containsExactly(
            "name",
            "metric",
            "value",
            "live",
            "champion",
            "threshold",
            "bound",
            "passed",
            "status",
            "reason");
    assertThat(prAuc.get("name").asText()).isEqualTo("pr_auc.max_drop");
    assertThat(prAuc.get("metric").asText()).isEqualTo("pr_auc");
    assertThat(prAuc.get("value").asDouble()).isEqualTo(0.372);
    assertThat(prAuc.get("live").asDouble()).isEqualTo(0.365);
    assertThat(prAuc.get("champion").asDouble()).isEqualTo(0.41);
    assertThat(prAuc.get("threshold").asDouble()).isEqualTo(0.41 - 0.02);
    assertThat(prAuc.get("bound").asText()).isEqualTo("drop ≤ 0.02 vs 0.410");
    assertThat(prAuc.get("passed").asBoolean()).isFalse();
    assertThat(prAuc.get("status").asText()).isEqualTo("fail");
    assertThat(prAuc.get("reason").asText()).startsWith("pr_auc 0.372 is 0.038 below");
    JsonNode changes = rows.get(1);
    assertThat(changes.get("live").isNull()).isTrue();
    assertThat(changes.get("passed").asBoolean()).isTrue();
    assertThat(changes.get("status").asText()).isEqualTo("pass");
  }

  @Test
  void aCheckThatWasNotCheckedHasNullPassedAndNoThreshold() {
    GateResult result = Gate.evaluate(GATES, Map.of(), Map.of(), null);
    Map<String, Object> row = HappyPathTable.rows(result).get(0);

    assertThat(row)
        .containsEntry("status", "not_checked")
        .containsEntry("passed", null)
        .containsEntry("threshold", null)
        .containsEntry("value", null)
        .containsEntry("reason", "no champion: first release");
  }
}
