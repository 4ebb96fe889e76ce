package io.micromodels.orchestration.airflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How server errors (5xx) and connection failures are retried: exponential backoff with full
 * jitter, bounded by attempts and by total time.
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration totalTimeout) {
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  /** The delay before retry number {@code attempt} (1-based), given a uniform draw in [0, 1). */
  Duration delay(int attempt, double draw) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis((long) (cap * draw));
  }
}
