package io.micromodels.training.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionPolicyTest {
  private static final ActionPolicy POLICY = new ActionPolicy(60, 85, List.of(
      new SegmentRule(SegmentRule.Dimension.CATEGORY, "spirits", 50, 80),
      new SegmentRule(SegmentRule.Dimension.COUNTRY, "CA", 60, 90),
      new SegmentRule(SegmentRule.Dimension.REGION, "DACH", 40, 70)),
      Map.of("DE", "DACH", "AT", "DACH", "FR", "WEST"), List.of());

  @Test
  void defaultsApplyWhenNoRuleMatches() {
    ModelInput row = row("FR", "kale");

    assertThat(POLICY.action(59.9, row)).isEqualTo(Action.ALLOW);
    assertThat(POLICY.action(60, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.action(84.99, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.action(85, row)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.segmentOf(row)).isEqualTo("default");
  }

  @Test
  void categoryRuleMatchesWhenAnyItemHasTheCategory() {
    ModelInput row = row("FR", "kale", "spirits", "tofu");

    assertThat(POLICY.action(80, row)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.action(50, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.segmentOf(row)).isEqualTo("category=spirits");
  }

  @Test
  void firstMatchingRuleWins() {
    ModelInput spiritsInCanada = row("CA", "spirits");
    ModelInput spiritsInGermany = row("DE", "spirits");

    assertThat(POLICY.action(82, spiritsInCanada)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.action(75, spiritsInGermany)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.segmentOf(spiritsInGermany)).isEqualTo("category=spirits");
  }

  @Test
  void countryRuleMatchesTheEventsCountry() {
    ModelInput row = row("CA", "kale");

    assertThat(POLICY.action(88, row)).isEqualTo(Action.REVIEW);
    assertThat(POLICY.action(90, row)).isEqualTo(Action.PREVENT);
    assertThat(POLICY.segmentOf(row)).isEqualTo("country=CA");
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
        .hasMessage("thresholds must be finite with review_at <= prevent_at: 91.0, 90.0");
  }

  @Test
  void rejectsNanScore() {
    assertThatThrownBy(() -> POLICY.action(Double.NaN, row("FR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score is NaN");
  }

  @Test
  void survivesJsonRoundTrip() throws Exception {
    ActionPolicy policy = new ActionPolicy(70.5, 90.25, POLICY.rules(), POLICY.regionOfCountry(),
        List.of(new DerivedThreshold("DACH", DerivedThreshold.Source.REGION, 5000, 0.007, 0.01,
            61.5, 77.25, 0.0068, 0.0098), new DerivedThreshold(null,
            DerivedThreshold.Source.POOLED, 0, 0.005, null, 80, 80, null, null)));
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
