package io.micromodels.training.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActionPolicyTest {
  private static final ActionPolicy POLICY =
      new ActionPolicy(
          60,
          85,
          List.of(
              new SegmentRule(SegmentRule.Dimension.CATEGORY, "spirits", 50, 80),
              new SegmentRule(SegmentRule.Dimension.COUNTRY, "CA", 60, 90),
              new SegmentRule(SegmentRule.Dimension.REGION, "DACH", 40, 70)),
          Map.of("DE", "DACH", "AT", "DACH", "FR", "WEST"),
          List.of());

  @Test
  void defaultsApplyWhenNoRuleMatches() {
    ModelInput row = row("FR", "kale");

    assertThat(POLICY.action(59.9, row)).isEqualTo(Action.ALLOW);
    assertThat(POLICY.action(60, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.action(84.99, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.action(85, row)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.segmentOf(row)).isEqualTo("default");
  }

  static Stream<Arguments> segments() {
    return Stream.of(
        // category rule: any of the items' categories
        Arguments.of(row("FR", "kale", "spirits", "tofu"), 80, Action.PREVENT, "category=spirits"),
        Arguments.of(row("FR", "kale", "spirits", "tofu"), 50, Action.REVIEW, "category=spirits"),
        // first match wins: spirits comes before the country and region rules
        Arguments.of(row("CA", "spirits"), 82, Action.PREVENT, "category=spirits"),
        Arguments.of(row("DE", "spirits"), 75, Action.REVIEW, "category=spirits"),
        // country rule
        Arguments.of(row("CA", "kale"), 88, Action.REVIEW, "country=CA"),
        Arguments.of(row("CA", "kale"), 90, Action.PREVENT, "country=CA"));
  }

  @ParameterizedTest(name = "{3} at {1} -> {2}")
  @MethodSource("segments")
  void firstMatchingRuleGivesTheThresholds(
      ModelInput row, double score, Action action, String segment) {
    assertThat(POLICY.action(score, row)).isEqualTo(action);
    assertThat(POLICY.segmentOf(row)).isEqualTo(segment);
  }

  @Test
  void regionRuleMatchesThroughTheCountryToRegionMap() {
    ModelInput austria = row("AT");

    assertThat(POLICY.action(70, austria)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.action(45, austria)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.segmentOf(austria)).isEqualTo("region=DACH");
    assertThat(POLICY.regionOf(austria)).isEqualTo("DACH");
  }

  @Test
  void eventWithoutCountryOrItemsGetsTheDefaults() {
    ModelInput empty = new MapInput(Map.of());

    assertThat(POLICY.action(84, empty)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.segmentOf(empty)).isEqualTo("default");
    assertThat(POLICY.regionOf(empty)).isNull();
  }

  @Test
  void withoutReviewBandScoresArePreventedOrAllowed() {
    ActionPolicy noBand = new ActionPolicy(80, 80, List.of(), Map.of(), List.of());

    assertThat(noBand.action(79.999, row("FR"))).isEqualTo(Action.ALLOW);
    assertThat(noBand.action(80, row("FR"))).isEqualTo(Action.PREVENT);
  }

  @Test
  void rejectsReviewAbovePrevent() {
    assertThatThrownBy(() -> new SegmentRule(SegmentRule.Dimension.COUNTRY, "CA", 91, 90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds must lie in 0..100 with review_at <= prevent_at: 91.0, 90.0");
  }

  @Test
  void rejectsNanScore() {
    assertThatThrownBy(() -> POLICY.action(Double.NaN, row("FR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score is NaN");
  }

  @Test
  void survivesJsonRoundTrip() throws Exception {
    ActionPolicy policy =
        new ActionPolicy(
            70.5,
            90.25,
            POLICY.rules(),
            POLICY.regionOfCountry(),
            List.of(
                new DerivedThreshold(
                    "DACH",
                    DerivedThreshold.Source.REGION,
                    5000,
                    0.007,
                    0.01,
                    61.5,
                    77.25,
                    0.0068,
                    0.0098),
                new DerivedThreshold(
                    null, DerivedThreshold.Source.POOLED, 0, 0.005, null, 80, 80, null, null)));
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(policy);
    ActionPolicy read = json.readValue(text, ActionPolicy.class);

    assertThat(read).isEqualTo(policy);
    assertThat(text).contains("\"dimension\":\"category\"", "\"regionOfCountry\":{\"AT\":\"DACH\"");
    assertThat(read.action(80, row("CA", "spirits"))).isEqualTo(Action.PREVENT);
  }

  static ModelInput row(String country, String... categories) {
    return new MapInput(Map.of("country", country, ActionPolicy.CATEGORIES, List.of(categories)));
  }
}
