package io.micromodels.training.calibrate;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps the combiner's log-odds to a calibrated fraud probability. Fitted on out-of-time
 * validation rows (the last days of the training window), never on the rows the combiner was
 * fitted on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlattCalibrator.class, name = "platt"),
    @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = "isotonic")})
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator {
  /** The calibrated probability, within [0, 1]. */
  double probability(double logOdds);
}
