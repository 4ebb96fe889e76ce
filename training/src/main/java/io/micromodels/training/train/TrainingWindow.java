package io.micromodels.training.train;

import io.micromodels.features.config.ClientConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A client's training window as of a moment (DESIGN.md §4, Train): it ends {@code label.delay_days}
 * before the as-of, spans {@code training.train_days}, and its last {@code validation_days} are the
 * out-of-time slice on which regularisation is chosen and calibration fitted.
 */
public record TrainingWindow(Instant start, Instant validationStart, Instant end, Instant asOf)
    implements java.io.Serializable {
  public TrainingWindow {
    if (!(start.isBefore(validationStart) && validationStart.isBefore(end)) || end.isAfter(asOf)) {
      throw new IllegalArgumentException(
          "need start < validation start < end <= as-of: "
              + start
              + ", "
              + validationStart
              + ", "
              + end
              + ", "
              + asOf);
    }
  }

  /** The window of a client as of a moment; whole UTC days, ending at the start of a day. */
  public static TrainingWindow of(ClientConfig config, Instant asOf) {
    Instant end =
        asOf.minus(Duration.ofDays(config.label().delayDays())).truncatedTo(ChronoUnit.DAYS);
    Instant validationStart = end.minus(Duration.ofDays(config.training().validationDays()));
    Instant start = end.minus(Duration.ofDays(config.training().trainDays()));
    return new TrainingWindow(start, validationStart, end, asOf);
  }

  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  public boolean contains(Instant eventTime) {
    return !eventTime.isBefore(start) && eventTime.isBefore(end);
  }
}
