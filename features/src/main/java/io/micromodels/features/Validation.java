package io.micromodels.features;

import java.util.Objects;

/**
 * Outcome of validating one input row: an accepted {@link Event} or a rejection with its reason.
 */
public sealed interface Validation {

  /** A valid row. */
  record Accepted(Event event) implements Validation {
    public Accepted {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * An invalid row.
   *
   * @param reason the reason code
   * @param detail what exactly is wrong, naming the field, e.g. {@code "currency: 'usd' is not
   *     three upper-case letters"}
   * @param clientId the row's client id when it could be read (it may itself be the invalid part)
   */
  record Rejected(RejectReason reason, String detail, String clientId) implements Validation {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
