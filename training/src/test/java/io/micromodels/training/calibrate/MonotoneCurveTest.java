package io.micromodels.training.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MonotoneCurveTest {
  private static final MonotoneCurve CURVE =
      new MonotoneCurve(new double[] {0, 10, 20, 20.5}, new double[] {1, 1, 5, 9});

  @Test
  void interpolatesLinearlyBetweenKnots() {
    assertThat(CURVE.value(5)).isEqualTo(1);
    assertThat(CURVE.value(15)).isEqualTo(3);
    assertThat(CURVE.value(20)).isEqualTo(5);
    assertThat(CURVE.value(20.25)).isEqualTo(7);
  }

  @Test
  void clipsOutsideTheKnots() {
    assertThat(CURVE.value(-100)).isEqualTo(1);
    assertThat(CURVE.value(1e9)).isEqualTo(9);
  }

  @Test
  void rejectsDecreasingValues() {
    assertThatThrownBy(() -> new MonotoneCurve(new double[] {0, 1}, new double[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("knots and values must not decrease (knot 1)");
  }

  @Test
  void rejectsNonFiniteKnots() {
    assertThatThrownBy(() -> new MonotoneCurve(new double[] {0, Double.NaN}, new double[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("knot 1 is not finite: NaN, 1.0");
  }

  @Test
  void survivesJsonRoundTrip() throws Exception {
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(CURVE);

    assertThat(text).isEqualTo("{\"xs\":[0.0,10.0,20.0,20.5],\"ys\":[1.0,1.0,5.0,9.0]}");
    assertThat(json.readValue(text, MonotoneCurve.class)).isEqualTo(CURVE);
  }
}
