package io.micromodels.features;

/**
 * Why an input row was quarantined. The {@link #code()} is stored in the {@code quarantine} table
 * and is stable: dashboards and tests rely on it.
 */
public enum RejectReason {
  MALFORMED_JSON("malformed_json"),
  MALFORMED_CSV("malformed_csv"),
  NOT_AN_OBJECT("not_an_object"),
  OVERSIZED_ROW("oversized_row"),
  UNKNOWN_FIELD("unknown_field"),
  MISSING_FIELD("missing_field"),
  WRONG_TYPE("wrong_type"),
  INVALID_CLIENT_ID("invalid_client_id"),
  INVALID_EVENT_ID("invalid_event_id"),
  INVALID_EVENT_TYPE("invalid_event_type"),
  UNPARSABLE_TIMESTAMP("unparsable_timestamp"),
  IMPLAUSIBLE_TIMESTAMP("implausible_timestamp"),
  INVALID_AMOUNT("invalid_amount"),
  INVALID_CURRENCY("invalid_currency"),
  INVALID_COUNTRY("invalid_country"),
  INVALID_LABEL("invalid_label"),
  INVALID_SCORE("invalid_score"),
  TOO_MANY_ITEMS("too_many_items"),
  OVERSIZED_FIELD("oversized_field"),
  /** An identifier field with bytes that were not UTF-8, or a lone surrogate. */
  INVALID_ENCODING("invalid_encoding");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
