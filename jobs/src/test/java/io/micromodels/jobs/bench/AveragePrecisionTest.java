package io.micromodels.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
  @Test
  void sumsPrecisionAtEachRecallStep() {
    // recall 0.5 at precision 1, recall 1 at precision 2/3 (scikit-learn gives 0.8333...)
    double ap = AveragePrecision.of(new double[] {0.9, 0.8, 0.7, 0.6}, new double[] {1, 0, 1, 0});

    assertThat(ap).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-15));
  }

  @Test
  void tiedScoresFormOneThreshold() {
    double ap = AveragePrecision.of(new double[] {0.5, 0.5, 0.1}, new double[] {0, 1, 1});

    // threshold 0.5: recall 0.5 at precision 0.5; threshold 0.1: recall 1 at precision 2/3
    assertThat(ap).isCloseTo(0.25 + 0.5 * 2 / 3.0, within(1e-15));
  }
}
