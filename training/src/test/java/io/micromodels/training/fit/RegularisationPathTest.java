package io.micromodels.training.fit;

import static io.micromodels.training.fit.OneStandardErrorRuleTest.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularisationPathTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void roundTripsThroughJson() throws Exception {
    RegularisationPath path =
        OneStandardErrorRule.choose(
            List.of(point(0.01, 0.05, 0.001), point(0.1, 0.045, 0.001), point(1, 0.0445, 0.001)));

    String text = json.writeValueAsString(path);

    assertThat(json.readValue(text, RegularisationPath.class)).isEqualTo(path);
    assertThat(text)
        .startsWith(
            "{\"points\":[{\"c\":0.01,\"validation\":{\"rows\":5000,"
                + "\"meanLogLoss\":0.05,\"standardError\":0.001}}");
  }

  @Test
  void chosenCMustBeOnThePath() {
    assertThatThrownBy(() -> new RegularisationPath(List.of(point(0.1, 0.05, 0.001)), 1, "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chosen C=1.0 is not on the path");
  }

  @Test
  void choiceNeedsAReason() {
    assertThatThrownBy(() -> new RegularisationPath(List.of(point(0.1, 0.05, 0.001)), 0.1, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a regularisation choice needs a reason");
  }

  @Test
  void pointNeedsAPositiveC() {
    assertThatThrownBy(() -> point(0, 0.05, 0.001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("C must be positive and finite: 0.0");
  }
}
