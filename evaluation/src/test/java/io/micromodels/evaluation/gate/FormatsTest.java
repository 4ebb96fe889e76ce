package io.micromodels.evaluation.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void thresholdsKeepTheirDigitsWithAtLeastTwoDecimals() {
    assertThat(Formats.threshold(0.7)).isEqualTo("0.70");
    assertThat(Formats.threshold(0.005)).isEqualTo("0.005");
    assertThat(Formats.threshold(1000)).isEqualTo("1000.00");
    assertThat(Formats.signedThreshold(-0.01)).isEqualTo("−0.01");
  }

  @Test
  void valuesHaveThreeDecimalsUnlessThatHidesThem() {
    assertThat(Formats.value(0.37249)).isEqualTo("0.372");
    assertThat(Formats.value(0.0001234)).isEqualTo("0.00012");
    assertThat(Formats.value(0)).isEqualTo("0.000");
    assertThat(Formats.signedValue(-0.002)).isEqualTo("−0.002");
    assertThat(Formats.signedValue(0.028)).isEqualTo("+0.028");
    assertThat(Formats.optional(Double.NaN)).isEqualTo("-");
    assertThat(Formats.optional(null)).isEqualTo("-");
  }

  @Test
  void levelsArePercentages() {
    assertThat(Formats.level(0.95)).isEqualTo("95%");
    assertThat(Formats.level(0.975)).isEqualTo("97.5%");
  }
}
