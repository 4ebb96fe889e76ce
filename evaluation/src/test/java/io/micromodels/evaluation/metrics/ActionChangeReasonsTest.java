package io.micromodels.evaluation.metrics;

import static io.micromodels.evaluation.metrics.Events.event;
import static io.micromodels.evaluation.metrics.Events.prediction;
import static io.micromodels.training.policy.Action.ALLOW;
import static io.micromodels.training.policy.Action.PREVENT;
import static io.micromodels.training.policy.Action.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.evaluation.metrics.ActionChangeReasons.Driver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionChangeReasonsTest {
  @Test
  void eachFlipIsAttributedToTheContributionThatMovedMost() {
    List<ScoredEvent> events =
        List.of(
            // email moved +2, device -1: email drove it.
            event(
                "1",
                false,
                1,
                prediction(90, PREVENT, Map.of("email", 2.5, "device", 0.0)),
                prediction(20, ALLOW, Map.of("email", 0.5, "device", 1.0))),
            // velocity is new on the candidate (+3), email moved +1.
            event(
                "2",
                false,
                1,
                prediction(80, PREVENT, Map.of("email", 1.0, "velocity", 3.0)),
                prediction(50, REVIEW, Map.of())),
            // email moved -4.
            event(
                "3",
                true,
                1,
                prediction(10, ALLOW, Map.of("email", -3.0)),
                prediction(60, REVIEW, Map.of("email", 1.0))),
            // unchanged action: ignored even though email moved.
            event(
                "4",
                true,
                1,
                prediction(10, ALLOW, Map.of("email", 9.0)),
                prediction(12, ALLOW, Map.of())),
            // flip without contributions on either side (e.g. a raw live score).
            event("5", true, 1, prediction(95, PREVENT), prediction(10, ALLOW)),
            // no champion: ignored.
            event("6", true, 1, prediction(95, PREVENT), null));

    ActionChangeReasons reasons = ActionChangeReasons.of(events);

    assertThat(reasons.flips()).isEqualTo(4);
    assertThat(reasons.unattributed()).isEqualTo(1);
    assertThat(reasons.drivers())
        .containsExactly(new Driver("email", 2, (2.0 - 4.0) / 2), new Driver("velocity", 1, 3.0));
  }

  @Test
  void equalMovesGoToTheAlphabeticallyFirstName() {
    ActionChangeReasons reasons =
        ActionChangeReasons.of(
            List.of(
                event(
                    "1",
                    false,
                    1,
                    prediction(90, PREVENT, Map.of("zeta", 1.0, "alpha", -1.0)),
                    prediction(20, ALLOW, Map.of()))));
    assertThat(reasons.drivers()).containsExactly(new Driver("alpha", 1, -1.0));
  }
}
