package io.micromodels.training.train;

import io.micromodels.features.EventFields;
import io.micromodels.training.featurize.Murmur3;
import java.util.List;
import java.util.Objects;

/**
 * Turns the rows of a client sampled to its row cap (every fraud, genuine rows at a rate) back into
 * a uniform sample of its window, for the steps that read how scores are spread over all events:
 * block-rate thresholds and the stability map. Weighting each genuine row 1 / rate would reach the
 * same end, but through every quantile those steps take; thinning the frauds to the genuine rows'
 * rate leaves them unchanged. Calibration keeps every fraud (its correction is exact, see {@link
 * io.micromodels.training.calibrate.Calibrator#priorCorrected}).
 */
final class UniformSample {
  /** Fixed, so a fraud is kept or thinned out the same way on every run. */
  private static final int SEED = 0x5eed_0031;

  private static final double HASHES = 0x1p32;

  private UniformSample() {}

  /**
   * The genuine rows and a share {@code genuineSampleRate} of the frauds, chosen by a hash of their
   * event id; all rows when the rate is 1.
   */
  static List<LabelledRow> of(List<LabelledRow> rows, double genuineSampleRate) {
    if (genuineSampleRate == 1) {
      return rows;
    }

    return rows.stream()
        .filter(row -> row.label() == 0 || share(eventId(row)) < genuineSampleRate)
        .toList();
  }

  /** A hash of the event id as a share within [0, 1). */
  private static double share(String eventId) {
    return Integer.toUnsignedLong(Murmur3.hash32(eventId, SEED)) / HASHES;
  }

  private static String eventId(LabelledRow row) {
    return Objects.requireNonNull(
        row.input().text(EventFields.EVENT_ID), "a sampled client's rows carry their event id");
  }
}
