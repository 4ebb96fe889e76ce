package io.micromodels.training.artifact;

import java.time.Instant;

/**
 * What a model was trained on and how (lineage for the manifest).
 *
 * @param windowStart first event time of the training window
 * @param validationStart first event time of the validation slice (the window's last days)
 * @param windowEnd first event time after the window ({@code as_of - label_delay})
 * @param rows decision events in the window
 * @param fraudLabels of which labelled fraud (as of the training as-of)
 * @param validationRows rows in the validation slice
 * @param validationFraudLabels fraud labels in the validation slice
 * @param solver {@code liblinear} (one task) or {@code mllib} (distributed)
 * @param folds out-of-fold groups of the stacking step
 * @param genuineSampleRate the share of the window's genuine rows kept for a client above its
 *     {@code training.row_cap} (all fraud rows are kept; the counts above are of the rows kept), 1
 *     when every row was; absent in models written before it was recorded, read as 1
 */
public record TrainingSummary(
    Instant windowStart,
    Instant validationStart,
    Instant windowEnd,
    long rows,
    long fraudLabels,
    long validationRows,
    long validationFraudLabels,
    String solver,
    int folds,
    Double genuineSampleRate) {
  public TrainingSummary {
    genuineSampleRate = genuineSampleRate == null ? 1.0 : genuineSampleRate;
    if (!(genuineSampleRate > 0 && genuineSampleRate <= 1)) {
      throw new IllegalArgumentException(
          "genuine_sample_rate must be within (0, 1]: " + genuineSampleRate);
    }
  }
}
