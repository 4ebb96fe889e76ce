package io.micromodels.jobs.pipeline;

import io.micromodels.features.MicromodelsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a stage's failure becomes a client's one-line note. The pipelines contain every failure to
 * the clients it touches, but only our own exceptions are expected outcomes with a message that
 * says it all; anything else (a bug, a Spark or I/O failure) is also logged with its stack trace,
 * so containing it loses nothing.
 */
final class StageFailure {
  private static final Logger LOG = LoggerFactory.getLogger(StageFailure.class);

  private StageFailure() {}

  /** {@code "<stage>: <message>"}, after logging the stack trace of an unexpected failure. */
  static String note(String stage, Throwable failure) {
    if (!(failure instanceof MicromodelsException)) {
      LOG.error("{} failed unexpectedly", stage, failure);
    }

    return stage + ": " + failure.getMessage();
  }
}
