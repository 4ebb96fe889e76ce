package io.micromodels.features.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of event-log rows for fuzzing ingest (issue #8): valid orders and logins mixed
 * with hostile rows (wrong types, missing fields, extreme numbers, NaN/Infinity, invalid unicode
 * and UTF-8, enormous strings and item arrays, implausible timestamps, path-traversal client ids,
 * NUL bytes). Every row knows what the contract (DESIGN.md §3.1, docs/ingest.md) says must happen
 * to it, which is what the properties check. CSV rows: {@link HostileCsvRows}.
 */
public final class HostileRows {
  /** What ingest must do with a row. */
  public enum Expect {
    /** Valid: accepted, or a duplicate of an earlier copy of its key. */
    ACCEPT,
    /** Invalid: quarantined with {@link FuzzRow#reason()}. */
    REJECT,
    /** Kept or quarantined, both within the contract (e.g. bad UTF-8 decoded as U+FFFD). */
    EITHER,
    /** Blank: not a row at all. */
    SKIP
  }

  /**
   * One line of a generated file.
   *
   * @param kind what the generator did, for failure reports
   * @param bytes the line's bytes (no line break), possibly invalid UTF-8
   * @param expect what ingest must do with it
   * @param reason the expected reason code when rejected, null when not fixed
   * @param clientId the valid row's client id (ACCEPT only)
   * @param eventId the valid row's event id (ACCEPT and EITHER)
   * @param amount the valid row's amount as stored (ACCEPT only), to check which copy is kept
   */
  public record FuzzRow(
      String kind,
      byte[] bytes,
      Expect expect,
      String reason,
      String clientId,
      String eventId,
      BigDecimal amount) {
    /** This row as line {@code index} of a batch: its placeholder id made unique. */
    public FuzzRow numbered(int index) {
      if (eventId == null || !eventId.contains(ID)) {
        return this;
      }

      String id = eventId.replace(ID, String.valueOf(index));
      return new FuzzRow(
          kind,
          replace(bytes, utf8(ID), utf8(String.valueOf(index))),
          expect,
          reason,
          clientId,
          id,
          amount);
    }

    /** Whether {@code code} is (one of) the expected reason codes. */
    public boolean expectsReason(String code) {
      return reason == null || List.of(reason.split("\\|")).contains(code);
    }

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      String text = text();
      return kind
          + " "
          + expect
          + (reason == null ? "" : "/" + reason)
          + ": "
          + (text.length() > 160
              ? text.substring(0, 160) + "... (" + text.length() + " chars)"
              : text);
    }
  }

  private static final String ID = "@ID@";
  private static final String RAW = "@RAW@";
  static final List<String> CLIENTS = List.of("acme", "beta-2", "c_3");
  private static final long EARLIEST_MILLIS = 946_771_200_000L; // 2000-01-02
  private static final long LATEST_MILLIS = 1_767_139_200_000L; // 2025-12-31

  private HostileRows() {}

  /** Rows of one JSON Lines file: about half valid, duplicates of the same id likely. */
  public static Arbitrary<FuzzRow> jsonLines() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, validRows()),
        net.jqwik.api.Tuple.of(5, hostile()),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.of("", "   \t").map(blank -> row("blank", blank, Expect.SKIP, null))));
  }

  /** Valid orders (and some logins) with ids from a small pool, so copies repeat. */
  public static Arbitrary<FuzzRow> validRows() {
    Arbitrary<BigDecimal> amounts =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("9999999999999999.99"))
            .ofScale(2);
    return Combinators.combine(
            Arbitraries.of(CLIENTS),
            Arbitraries.integers().between(0, 15),
            amounts,
            Arbitraries.longs().between(EARLIEST_MILLIS, LATEST_MILLIS),
            Arbitraries.of(true, false),
            unicodeText())
        .as(
            (client, id, amount, millis, order, email) -> {
              String eventId = "e-" + id;
              EventJson json =
                  EventJson.order(eventId)
                      .with("client_id", client)
                      .with("event_time", millis)
                      .with("email", email);
              if (order) {
                json.with("amount", amount);
              } else {
                json.with("event_type", "login").without("amount").without("items");
              }

              return new FuzzRow(
                  order ? "valid order" : "valid login",
                  utf8(json.json()),
                  Expect.ACCEPT,
                  null,
                  client,
                  eventId,
                  order ? amount : null);
            });
  }

  /** Rows that break the contract in one way each (or a few tolerated oddities). */
  public static Arbitrary<FuzzRow> hostile() {
    return Arbitraries.oneOf(
        List.of(
            wrongTypes(),
            missingFields(),
            extremeNumbers(),
            nonFinite(),
            badClientIds(),
            badTimestamps(),
            enormous(),
            notEvents(),
            badUnicode(),
            tolerated()));
  }

  private static Arbitrary<FuzzRow> wrongTypes() {
    return Arbitraries.of(
        changed("amount text", "amount", "\"12 dollars\"", "wrong_type"),
        changed("amount bool", "amount", "true", "wrong_type"),
        changed("amount object", "amount", "{\"value\":1}", "wrong_type"),
        changed("label text", "label", "\"yes\"", "wrong_type"),
        changed("items text", "items", "\"vodka\"", "wrong_type"),
        changed("item not object", "items", "[1,2]", "wrong_type"),
        changed("quantity text", "items", "[{\"name\":\"x\",\"quantity\":\"two\"}]", "wrong_type"),
        changed("quantity overflow", "items", "[{\"quantity\":99999999999}]", "wrong_type"),
        changed("client id number", "client_id", "42", "wrong_type"),
        changed("event time bool", "event_time", "false", "wrong_type"),
        changed("payment list", "payment_method", "[]", "wrong_type"),
        changed("attribute number", "attributes", "{\"store\":7}", "wrong_type"),
        changed("email array", "email", "[\"a@b.c\"]", "wrong_type"),
        changed("unknown field", "shoe_size", "44", "unknown_field"),
        changed("unknown item field", "items", "[{\"colour\":\"red\"}]", "unknown_field"),
        changed("currency lower", "currency", "\"usd\"", "invalid_currency"),
        changed("country long", "country", "\"USA\"", "invalid_country"),
        changed("event type upper", "event_type", "\"ORDER\"", "invalid_event_type"));
  }

  private static Arbitrary<FuzzRow> missingFields() {
    return Arbitraries.of("client_id", "event_id", "event_type", "event_time", "customer_id")
        .map(
            field ->
                hostileRow(
                    "missing " + field,
                    EventJson.order(uniqueId()).without(field),
                    "missing_field"));
  }

  private static Arbitrary<FuzzRow> extremeNumbers() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.of(
                    "1e16",
                    "-1e16",
                    "12345678901234567",
                    "0.001",
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "1e999999999",
                    "-1e-999999999",
                    "1E+2147483647")
                .map(n -> changed("amount " + n, "amount", n, "invalid_amount")),
            Arbitraries.of("1e400", "-1e400")
                .map(n -> changed("live_score " + n, "live_score", n, "invalid_score")),
            Arbitraries.of("2", "-1", "2147483647")
                .map(n -> changed("label " + n, "label", n, "invalid_label")),
            Arbitraries.of("1e999999999", "0.005")
                .map(
                    n ->
                        changed(
                            "price " + n, "items", "[{\"price\":" + n + "}]", "invalid_amount")),
            // Jackson refuses number literals of more than 64 characters outright.
            Arbitraries.integers()
                .between(1, 60)
                .map(
                    digits ->
                        changed(
                            "amount of " + digits + " digits",
                            "amount",
                            "1" + "0".repeat(digits - 1) + "000000000000000000",
                            digits + 18 > 64 ? "malformed_json" : "invalid_amount"))));
  }

  /** NaN and Infinity are not JSON numbers: bare they are malformed, quoted they are text. */
  private static Arbitrary<FuzzRow> nonFinite() {
    return Arbitraries.of("NaN", "Infinity", "-Infinity")
        .flatMap(
            literal ->
                Arbitraries.of(
                    changed("amount bare " + literal, "amount", literal, "malformed_json"),
                    changed("score bare " + literal, "live_score", literal, "malformed_json"),
                    changed(
                        "amount quoted " + literal, "amount", "\"" + literal + "\"", "wrong_type"),
                    changed(
                        "score quoted " + literal,
                        "live_score",
                        "\"" + literal + "\"",
                        "wrong_type")));
  }

  private static Arbitrary<FuzzRow> badClientIds() {
    return Arbitraries.of(
            "../x",
            "..",
            ".",
            "a/b",
            "/etc/passwd",
            "/tmp/micromodels-escape",
            "C:\\windows",
            "x/../../y",
            "%2e%2e",
            "Acme",
            "-acme",
            "acme\u0000",
            "\u0000",
            "a".repeat(64),
            "acme ",
            "\u0430cme",
            "\ud800acme")
        .map(
            id ->
                hostileRow(
                    "client id " + id.replace("\u0000", "\\0"),
                    EventJson.order(uniqueId()).with("client_id", id),
                    "invalid_client_id"));
  }

  private static Arbitrary<FuzzRow> badTimestamps() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.of(
                    "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z",
                    "2999-01-01 00:00:00",
                    "1999-12-31T23:59:59.999999Z")
                .map(
                    t ->
                        changed(
                            "time " + t, "event_time", "\"" + t + "\"", "implausible_timestamp")),
            Arbitraries.of(
                    "+10000-01-01T00:00:00Z",
                    "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59.999999999-18:00")
                .map(
                    t ->
                        changed(
                            "time " + t,
                            "event_time",
                            "\"" + t + "\"",
                            "implausible_timestamp|unparsable_timestamp")),
            Arbitraries.of(
                    Long.MIN_VALUE, Long.MAX_VALUE, -62_135_596_800_000L, 0L, 253_402_300_799_000L)
                .map(
                    t ->
                        changed(
                            "millis " + t,
                            "event_time",
                            String.valueOf(t),
                            "implausible_timestamp")),
            Arbitraries.of(
                    "2025-02-30T00:00:00Z",
                    "2025-13-01T00:00:00Z",
                    "yesterday",
                    "",
                    "2025-06-01T25:00:00Z",
                    "99999999999999999999")
                .map(
                    t ->
                        changed(
                            "time " + t,
                            "event_time",
                            "\"" + t + "\"",
                            t.isEmpty() ? null : "unparsable_timestamp")),
            Arbitraries.of("1e30", "1.5", "99999999999999999999")
                .map(t -> changed("millis " + t, "event_time", t, "wrong_type"))));
  }

  private static Arbitrary<FuzzRow> enormous() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.integers()
                .between(4_097, 20_000)
                .map(
                    n ->
                        hostileRow(
                            "email of " + n,
                            EventJson.order(uniqueId()).with("email", "x".repeat(n)),
                            "oversized_field")),
            Arbitraries.integers()
                .between(66_000, 300_000)
                .map(
                    n ->
                        hostileRow(
                            "row of " + n,
                            EventJson.order(uniqueId()).with("device_id", "\u00e9".repeat(n / 2)),
                            "oversized_row")),
            Arbitraries.integers()
                .between(501, 5_000)
                .map(
                    n ->
                        changed(
                            n + " items",
                            "items",
                            "[" + "{},".repeat(n - 1) + "{}]",
                            "too_many_items")),
            Arbitraries.integers()
                .between(129, 2_000)
                .map(
                    n ->
                        hostileRow(
                            "event id of " + n,
                            EventJson.order("i".repeat(n)),
                            "invalid_event_id")),
            Arbitraries.integers()
                .between(65, 500)
                .map(
                    depth ->
                        changed(
                            "nested " + depth,
                            "attributes",
                            "[".repeat(depth) + "]".repeat(depth),
                            "malformed_json"))));
  }

  private static Arbitrary<FuzzRow> notEvents() {
    return Arbitraries.of(
        row("broken json", "{\"client_id\":\"acme\",", Expect.REJECT, "malformed_json"),
        row(
            "trailing garbage",
            EventJson.order(uniqueId()).json() + " x",
            Expect.REJECT,
            "malformed_json"),
        row(
            "two objects",
            EventJson.order(uniqueId()).json() + EventJson.order("b").json(),
            Expect.REJECT,
            "malformed_json"),
        row("array", "[1,2,3]", Expect.REJECT, "not_an_object"),
        row("number", "42", Expect.REJECT, "not_an_object"),
        row("null", "null", Expect.REJECT, "not_an_object"),
        row("string", "\"acme\"", Expect.REJECT, "not_an_object"),
        row("raw NUL", "{\"client_id\":\"ac\u0000me\"}", Expect.REJECT, "malformed_json"),
        row("html", "<script>alert(1)</script>", Expect.REJECT, "malformed_json"),
        either("byte order mark", id -> utf8("\ufeff" + EventJson.order(id).json())));
  }

  /** Invalid UTF-8 in a key field breaks it (U+FFFD is no client id). */
  private static Arbitrary<FuzzRow> badUnicode() {
    return Arbitraries.of(
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xc3, 0x28},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})
        .map(
            bad -> {
              String json = EventJson.order(uniqueId()).with("client_id", "acme@@").json();
              return new FuzzRow(
                  "invalid UTF-8 in client id",
                  splice(json, "acme@@", bad),
                  Expect.REJECT,
                  "invalid_client_id",
                  null,
                  null,
                  null);
            });
  }

  /**
   * Oddities the contract keeps: bad UTF-8 or escaped lone surrogates and NULs in free text, a
   * repeated key (the last value counts). Unique ids, so they never collide with valid rows.
   */
  private static Arbitrary<FuzzRow> tolerated() {
    return Arbitraries.of(
        either(
            "invalid UTF-8 in email",
            id ->
                splice(
                    EventJson.order(id).with("email", "@@").json(),
                    "@@",
                    new byte[] {(byte) 0xff, (byte) 0xfe})),
        either(
            "lone surrogate in email",
            id -> utf8(EventJson.order(id).json().replace("jane.doe", "jane\\ud800doe"))),
        either(
            "escaped NUL in email",
            id -> utf8(EventJson.order(id).json().replace("jane.doe", "jane\\u0000doe"))),
        either(
            "line separator in email",
            id -> utf8(EventJson.order(id).with("email", "a\u2028b\u0085c@x").json())),
        either(
            "repeated email key",
            id ->
                utf8(
                    EventJson.order(id)
                        .json()
                        .replace("\"email\":", "\"email\":\"first@x\",\"email\":"))));
  }

  /** Text a client could send in free fields: emoji, right-to-left, markup. */
  private static Arbitrary<String> unicodeText() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> s + "@example.com"),
            Arbitraries.of(
                "\ud83d\ude00@x.io",
                "\u05e9\u05dc\u05d5\u05dd@x.il",
                "<img src=x onerror=alert(1)>@x",
                "\"quoted\",comma@x",
                "a'b@x",
                "\u0000@x")));
  }

  /** An order whose {@code field} holds {@code json} verbatim (it may not even be JSON). */
  private static FuzzRow changed(String kind, String field, String json, String reason) {
    String text =
        EventJson.order(uniqueId()).with(field, RAW).json().replace("\"" + RAW + "\"", json);
    return row(kind, text, Expect.REJECT, reason);
  }

  private static FuzzRow hostileRow(String kind, EventJson json, String reason) {
    return row(kind, json.json(), Expect.REJECT, reason);
  }

  static FuzzRow row(String kind, String text, Expect expect, String reason) {
    return new FuzzRow(kind, utf8(text), expect, reason, null, null, null);
  }

  private static FuzzRow either(String kind, Function<String, byte[]> line) {
    String id = uniqueId(); // every row of a batch gets its own: see FuzzRow#numbered
    return new FuzzRow(kind, line.apply(id), Expect.EITHER, null, null, id, null);
  }

  /** An id made unique per batch by {@link FuzzRow#numbered}. */
  static String uniqueId() {
    return "h-" + ID;
  }

  /** The UTF-8 of {@code json} with {@code marker} replaced by raw bytes. */
  private static byte[] splice(String json, String marker, byte[] raw) {
    return replace(utf8(json), utf8(marker), raw);
  }

  /** {@code bytes} with every {@code from} replaced by {@code to} (the bytes may be bad UTF-8). */
  private static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (java.util.Arrays.equals(
          bytes, i, Math.min(bytes.length, i + from.length), from, 0, from.length)) {
        out.writeBytes(to);
        i += from.length - 1;
      } else {
        out.write(bytes[i]);
      }
    }

    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
