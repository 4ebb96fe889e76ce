package io.micromodels.features.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `micromodels features --list` says which window and empty value each column has. */
class FeatureCatalogueTest {
  private static String describe(boolean includeCurrent, Duration delay, EmptyValue empty) {
    FeatureSpec spec =
        new FeatureSpec(
            "device_id",
            Aggregate.COUNT,
            null,
            List.of(Window.parse("7d")),
            delay,
            List.of(),
            includeCurrent,
            empty);
    return FeatureCatalogue.describe(spec, "7d", List.of("order"));
  }

  @Test
  void theWindowAndANonDefaultEmptyValueAreSpelledOut() {
    assertThat(describe(false, Duration.ZERO, EmptyValue.ZERO))
        .isEqualTo("events of the same device_id in the 7d before the event");
    assertThat(describe(true, Duration.ZERO, EmptyValue.ZERO))
        .isEqualTo("events of the same device_id in the 7d up to and including the event");
    assertThat(describe(false, Duration.ofDays(7), EmptyValue.NULL))
        .isEqualTo(
            "events of the same device_id in [t - 7d - 7d, t - 7d); null when the window"
                + " is empty");
  }
}
