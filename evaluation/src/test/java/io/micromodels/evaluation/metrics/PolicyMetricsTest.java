package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.Events.event;
import static io.micromodels.evaluation.metrics.Events.prediction;
import static io.micromodels.training.policy.Action.ALLOW;
import static io.micromodels.training.policy.Action.PREVENT;
import static io.micromodels.training.policy.Action.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyMetricsTest {
  private static final List<ScoredEvent> EVENTS =
      List.of(
          event("1", "eu", List.of("category=spirits"), true, 100, prediction(90, PREVENT), null),
          event(
              "2",
              "eu",
              List.of("category=spirits", "country=FR"),
              true,
              300,
              prediction(40, REVIEW),
              prediction(95, PREVENT)),
          event("3", "us", List.of("country=US"), false, 50, prediction(95, PREVENT), null),
          event("4", "us", List.of(), false, 20, prediction(10, ALLOW), null),
          event("5", "eu", List.of("country=FR"), false, 10, prediction(50, REVIEW), null));

  @Test
  void overallOutcomeCountsActionsAgainstLabels() {
    assertThat(PolicyMetrics.of(EVENTS, ScoredEvent::candidate))
        .isEqualTo(new PolicyOutcome(5, 2, 2.0 / 5, 2.0 / 5, 1.0 / 2, 100.0 / 400, 1.0 / 3));
  }

  @Test
  void eventsWithoutThePredictionAreLeftOutAndEmptyDenominatorsGiveNaN() {
    PolicyOutcome champion = PolicyMetrics.of(EVENTS, ScoredEvent::champion);
    assertThat(champion.rows()).isEqualTo(1);
    assertThat(champion.fraudCaught()).isEqualTo(1.0);
    assertThat(champion.fraudCaughtByAmount()).isEqualTo(1.0);
    assertThat(champion.falsePositiveRate()).isNaN();
    assertThat(PolicyMetrics.of(List.of(), ScoredEvent::candidate).blockRate()).isNaN();
  }

  @Test
  void byGroupSplitsByRegionAndCountsAnEventInEachOfItsSegments() {
    PolicyBreakdown breakdown = PolicyMetrics.byGroup(EVENTS, ScoredEvent::candidate);
    assertThat(breakdown.overall()).isEqualTo(PolicyMetrics.of(EVENTS, ScoredEvent::candidate));
    assertThat(breakdown.byRegion()).containsOnlyKeys("eu", "us");
    assertThat(breakdown.byRegion().get("us"))
        .isEqualTo(new PolicyOutcome(2, 0, 0.5, 0, Double.NaN, Double.NaN, 0.5));
    assertThat(breakdown.bySegment().keySet())
        .containsExactly("category=spirits", "country=FR", "country=US");
    assertThat(breakdown.bySegment().get("country=FR"))
        .isEqualTo(new PolicyOutcome(2, 1, 0, 1, 0, 0, 0));
    assertThat(breakdown.bySegment().get("category=spirits").rows()).isEqualTo(2);
  }
}
