package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.EventJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final EventValidator validator = new EventValidator(IngestLimits.defaults(NOW));

  @Test
  void acceptsACompleteOrderWithEveryField() {
    Validation result = validator.validate(EventJson.order("e-1").json(), InputFormat.JSON_LINES);

    assertThat(result).isInstanceOf(Validation.Accepted.class);
    Event event = ((Validation.Accepted) result).event();
    assertThat(event.clientId()).isEqualTo("acme");
    assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-06-01T10:15:30.123456Z"));
    assertThat(event.amount()).isEqualTo(new BigDecimal("42.50"));
    assertThat(event.items())
        .containsExactly(new Item("Champagne Brut", "champagne", new BigDecimal("42.50"), 1));
    assertThat(event.paymentMethod()).isEqualTo(new PaymentMethod("fp-1", "card", "411111", "US"));
    assertThat(event.attributes()).isEqualTo(Map.of("store", "nyc-3"));
    assertThat(event.liveScore()).isEqualTo(71.5);
    assertThat(event.liveAction()).isEqualTo("REVIEW");
  }

  @Test
  void acceptsAMinimalLoginAndFillsEmptyCollections() {
    String json =
        "{\"client_id\":\"acme\",\"event_id\":\"l1\",\"event_type\":\"login\","
            + "\"event_time\":\"2025-06-01 08:00:00\",\"customer_id\":\"c\"}";

    Event event = accepted(validator.validate(json, InputFormat.JSON_LINES));

    assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
    assertThat(event.items()).isEmpty();
    assertThat(event.attributes()).isEmpty();
    assertThat(event.amount()).isNull();
  }

  @Test
  void readsOffsetsAndEpochMillisAsUtcInstants() {
    Event offset =
        accepted(validate(EventJson.order("e").with("event_time", "2025-06-01T12:00:00+02:00")));
    Event millis = accepted(validate(EventJson.order("e").with("event_time", 1748772000000L)));

    assertThat(offset.eventTime()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
    assertThat(millis.eventTime()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
  }

  @Test
  void clientSpecificEventTypesNeedNoCustomer() {
    Event event =
        accepted(
            validate(
                EventJson.order("e").with("event_type", "store_opened").without("customer_id")));

    assertThat(event.customerId()).isNull();
    assertThat(event.eventType()).isEqualTo("store_opened");
  }

  @Test
  void keepsUnicodeEmailsAsTheyAre() {
    Event event = accepted(validate(EventJson.order("e").with("email", "zoë.ünal@bücher.de")));

    assertThat(event.email()).isEqualTo("zoë.ünal@bücher.de");
  }

  static Stream<Arguments> invalidRows() {
    return Stream.of(
        Arguments.of("not json at all", RejectReason.MALFORMED_JSON, ""),
        Arguments.of("{\"client_id\":\"acme\"", RejectReason.MALFORMED_JSON, ""),
        Arguments.of("{\"a\":1} {\"b\":2}", RejectReason.MALFORMED_JSON, ""),
        Arguments.of("[1,2]", RejectReason.NOT_AN_OBJECT, "ARRAY"),
        Arguments.of(
            EventJson.order("e").without("client_id").json(),
            RejectReason.MISSING_FIELD,
            "client_id: required"),
        Arguments.of(
            EventJson.order("e").without("event_id").json(),
            RejectReason.MISSING_FIELD,
            "event_id: required"),
        Arguments.of(
            EventJson.order("e").with("event_type", "").json(),
            RejectReason.MISSING_FIELD,
            "event_type: required"),
        Arguments.of(
            EventJson.order("e").without("event_time").json(),
            RejectReason.MISSING_FIELD,
            "event_time: required"),
        Arguments.of(
            EventJson.order("e").without("customer_id").json(),
            RejectReason.MISSING_FIELD,
            "customer_id: required on order events"),
        Arguments.of(
            EventJson.order("e").with("amount", "12 dollars").json(),
            RejectReason.WRONG_TYPE,
            "amount: expected a number, found string"),
        Arguments.of(
            EventJson.order("e").with("label", "yes").json(),
            RejectReason.WRONG_TYPE,
            "label: expected an integer"),
        Arguments.of(
            EventJson.order("e").with("items", "vodka").json(),
            RejectReason.WRONG_TYPE,
            "items: expected an array"),
        Arguments.of(
            EventJson.order("e").withJson("items", "[{\"name\":\"x\",\"quantity\":1.5}]").json(),
            RejectReason.WRONG_TYPE,
            "items[0].quantity: expected an integer"),
        Arguments.of(
            EventJson.order("e").with("customer_id", 42).json(),
            RejectReason.WRONG_TYPE,
            "customer_id: expected a string"),
        Arguments.of(
            EventJson.order("e").with("event_time", "yesterday").json(),
            RejectReason.UNPARSABLE_TIMESTAMP,
            "event_time: 'yesterday'"),
        Arguments.of(
            EventJson.order("e").with("event_time", "1970-01-01T00:00:00Z").json(),
            RejectReason.IMPLAUSIBLE_TIMESTAMP,
            "1970-01-01T00:00:00Z is outside"),
        Arguments.of(
            EventJson.order("e").with("event_time", "9999-12-31T00:00:00Z").json(),
            RejectReason.IMPLAUSIBLE_TIMESTAMP,
            "9999-12-31"),
        Arguments.of(
            EventJson.order("e").with("client_id", "../evil").json(),
            RejectReason.INVALID_CLIENT_ID,
            "client_id: '../evil' must match"),
        Arguments.of(
            EventJson.order("e").with("client_id", "ACME").json(),
            RejectReason.INVALID_CLIENT_ID,
            "'ACME'"),
        Arguments.of(
            EventJson.order("e").with("currency", "usd").json(),
            RejectReason.INVALID_CURRENCY,
            "currency: 'usd' is not an ISO 4217 code"),
        Arguments.of(
            EventJson.order("e").with("country", "USA").json(),
            RejectReason.INVALID_COUNTRY,
            "country: 'USA'"),
        Arguments.of(
            EventJson.order("e").withJson("payment_method", "{\"country\":\"usa\"}").json(),
            RejectReason.INVALID_COUNTRY,
            "payment_method.country"),
        Arguments.of(
            EventJson.order("e").with("amount", new BigDecimal("1.005")).json(),
            RejectReason.INVALID_AMOUNT,
            "at most 2 decimals"),
        Arguments.of(
            EventJson.order("e").with("amount", new BigDecimal("1e17")).json(),
            RejectReason.INVALID_AMOUNT,
            "fewer than 17 integer digits"),
        Arguments.of(
            EventJson.order("e").json().replace("\"amount\":42.50", "\"amount\":1e400"),
            RejectReason.INVALID_AMOUNT,
            "amount: a number beyond the double range"),
        // Regression (issue #8 fuzzing): the message spelled out 1e999999999's billion digits
        // and ran ingest out of memory.
        Arguments.of(
            EventJson.order("e").json().replace("\"amount\":42.50", "\"amount\":1e-999999999"),
            RejectReason.INVALID_AMOUNT,
            "amount: 1E-999999999 needs"),
        Arguments.of(
            EventJson.order("e").json().replace("\"price\":42.50", "\"price\":-1e-999999999"),
            RejectReason.INVALID_AMOUNT,
            "items[0].price: -1E-999999999 needs"),
        Arguments.of(
            EventJson.order("e").json().replace("71.5", "-1e400"),
            RejectReason.INVALID_SCORE,
            "live_score: not a finite number"),
        Arguments.of(
            EventJson.order("e").with("label", 2).json(),
            RejectReason.INVALID_LABEL,
            "label: 2 is not 0 or 1"),
        Arguments.of(
            EventJson.order("e").with("event_type", "Order!").json(),
            RejectReason.INVALID_EVENT_TYPE,
            "event_type: 'Order!'"),
        Arguments.of(
            EventJson.order("x".repeat(200)).json(),
            RejectReason.INVALID_EVENT_ID,
            "event_id: 200 characters"),
        // Regression (issue 30): identifiers with bytes that were not UTF-8 (decoded to U+FFFD)
        // merged distinct events; a lone surrogate is stored as '?' by Spark, the same merge.
        Arguments.of(
            EventJson.order("u8-\ufffd").json(),
            RejectReason.INVALID_ENCODING,
            "event_id: 'u8-\ufffd' holds U+FFFD"),
        Arguments.of(
            EventJson.order("e").with("customer_id", "c-\ufffd").json(),
            RejectReason.INVALID_ENCODING,
            "customer_id: 'c-\ufffd' holds U+FFFD"),
        Arguments.of(
            EventJson.order("e").with("ref_event_id", "r\ufffd").json(),
            RejectReason.INVALID_ENCODING,
            "ref_event_id:"),
        Arguments.of(
            EventJson.order("e").json().replace("\"device_id\":\"", "\"device_id\":\"\\ud800"),
            RejectReason.INVALID_ENCODING,
            "device_id: '\ud800"),
        Arguments.of(
            EventJson.order("e").withJson("payment_method", "{\"fingerprint\":\"\ufffd\"}").json(),
            RejectReason.INVALID_ENCODING,
            "payment_method.fingerprint:"),
        Arguments.of(
            EventJson.order("e").with("store", "nyc").json(),
            RejectReason.UNKNOWN_FIELD,
            "store: not an event field"),
        Arguments.of(
            EventJson.order("e").with("email", "a".repeat(5000)).json(),
            RejectReason.OVERSIZED_FIELD,
            "email: 5000 characters"),
        Arguments.of(
            EventJson.order("e").with("attributes", Map.of("note", "a".repeat(70_000))).json(),
            RejectReason.OVERSIZED_ROW,
            "at most 65536"),
        Arguments.of(
            EventJson.order("e")
                .with("items", java.util.Collections.nCopies(501, Map.of("name", "x")))
                .json(),
            RejectReason.TOO_MANY_ITEMS,
            "items: 501 order lines, at most 500"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidRows")
  void rejectsInvalidRowsWithANamedReason(String raw, RejectReason reason, String detail) {
    Validation result = validator.validate(raw, InputFormat.JSON_LINES);

    assertThat(result).isInstanceOf(Validation.Rejected.class);
    Validation.Rejected rejected = (Validation.Rejected) result;
    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.detail()).contains(detail);
  }

  @Test
  void freeTextKeepsAReplacedCharacterAndIdentifiersKeepPairedSurrogates() {
    Event event = accepted(validate(EventJson.order("e-\ud83d\ude00").with("email", "a\ufffd@x")));

    assertThat(event.eventId()).isEqualTo("e-\ud83d\ude00");
    assertThat(event.email()).isEqualTo("a\ufffd@x");
  }

  @Test
  void csvIdentifiersAreCheckedToo() {
    Validation result =
        validator.validateCsv(
            "acme,e\ufffd,login,2025-06-01T10:00:00Z,c-1",
            List.of("client_id", "event_id", "event_type", "event_time", "customer_id"));

    assertThat(result)
        .isInstanceOf(Validation.Rejected.class)
        .extracting(r -> ((Validation.Rejected) r).reason())
        .isEqualTo(RejectReason.INVALID_ENCODING);
  }

  @Test
  void rejectionKeepsTheClaimedClientIdForTriage() {
    Validation.Rejected rejected =
        (Validation.Rejected) validate(EventJson.order("e").with("currency", "EURO"));

    assertThat(rejected.clientId()).isEqualTo("acme");
  }

  @Test
  void csvCellsBecomeTypedValues() {
    List<String> header =
        List.of(
            "client_id",
            "event_id",
            "event_type",
            "event_time",
            "customer_id",
            "amount",
            "label",
            "items",
            "attributes",
            "email");
    String line =
        "acme,e-9,order,2025-06-01T10:00:00Z,c-1,19.90,0,"
            + "\"[{\"\"name\"\":\"\"Kale\"\",\"\"price\"\":2.5,\"\"quantity\"\":2}]\","
            + "\"{\"\"store\"\":\"\"s1\"\"}\",";

    Event event = accepted(validator.validateCsv(line, header));

    assertThat(event.amount()).isEqualTo(new BigDecimal("19.90"));
    assertThat(event.label()).isZero();
    assertThat(event.items()).containsExactly(new Item("Kale", null, new BigDecimal("2.50"), 2));
    assertThat(event.attributes()).containsEntry("store", "s1");
    assertThat(event.email()).isNull();
  }

  /** CSV amount cells that are not a decimal(18,2), with the reason and the detail's start. */
  static Stream<Arguments> invalidCsvAmounts() {
    return Stream.of(
        Arguments.of("ten", RejectReason.WRONG_TYPE, "amount: expected a number"),
        // Regressions (issue #8 fuzzing): the detail spelled out 1e999999999's billion digits
        // and ran ingest out of memory; 1.000... (60,000 zeros) was accepted as 1.00 after 3 s
        // of stripping zeros.
        Arguments.of(
            "1e999999999",
            RejectReason.INVALID_AMOUNT,
            "amount: 1E+999999999 needs at most 2 decimals"),
        Arguments.of(
            "1." + "0".repeat(60_000), RejectReason.WRONG_TYPE, "amount: expected a number"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidCsvAmounts")
  void csvAmountsThatAreNotDecimalsAreRejectedQuickly(
      String cell, RejectReason reason, String detail) {
    List<String> header =
        List.of("client_id", "event_id", "event_type", "event_time", "customer_id", "amount");
    long start = System.nanoTime();

    Validation.Rejected rejected =
        (Validation.Rejected)
            validator.validateCsv("acme,e,order,2025-06-01T10:00:00Z,c," + cell, header);

    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.detail()).startsWith(detail);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void csvLineWithTheWrongNumberOfCellsIsMalformed() {
    Validation.Rejected rejected =
        (Validation.Rejected) validator.validateCsv("acme,e,order", List.of("a", "b"));

    assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThat(rejected.detail()).isEqualTo("expected 2 cells as in the header, found 3 cells");
  }

  private Validation validate(EventJson json) {
    return validator.validate(json.json(), InputFormat.JSON_LINES);
  }

  private static Event accepted(Validation validation) {
    assertThat(validation).isInstanceOf(Validation.Accepted.class);
    return ((Validation.Accepted) validation).event();
  }
}
