package io.micromodels.features;

/** Thrown inside validation to leave a row early; never escapes {@link EventValidator}. */
final class RowRejection extends RuntimeException {
  private final RejectReason reason;

  RowRejection(RejectReason reason, String detail) {
    // No stack trace: rejections are data, not bugs, and messy inputs have many of them.
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }
}
