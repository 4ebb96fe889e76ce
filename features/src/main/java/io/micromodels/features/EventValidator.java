package io.micromodels.features;

import static io.micromodels.features.EventFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates raw event rows against the event-log contract (DESIGN.md §3.1) and turns them into
 * {@link Event}s. Plain Java: ingest runs it inside Spark tasks and the live scorer can run it on a
 * single request. Thread-safe.
 */
public final class EventValidator {
  private static final Set<String> KNOWN_FIELDS = new HashSet<>(EventFields.ALL);
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e16");
  private static final int MAX_AMOUNT_DIGITS = 64;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    // A row is at most a few hundred KiB; refuse pathological nesting and numbers early.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build());
  }

  private final IngestLimits limits;
  private final StreamingEventReader streaming;

  public EventValidator(IngestLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.streaming = new StreamingEventReader(MAPPER.getFactory(), limits);
  }

  /**
   * Validates one raw row: a JSON object's text (a JSON line, or a CSV/Parquet record as JSON). A
   * valid row is read in one streaming pass; any other row is read again as a tree, which is what
   * names its problem.
   */
  public Validation validate(String raw, InputFormat format) {
    if (exceedsRowLimit(raw)) {
      return oversized(raw);
    }

    if (!format.isTextual()) {
      Event event = streaming.read(raw);
      if (event != null && IdentifierEncoding.problem(event) == null) {
        return new Validation.Accepted(event);
      }
    }

    JsonNode node;
    try {
      node = MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      return new Validation.Rejected(
          RejectReason.MALFORMED_JSON, firstLine(e.getOriginalMessage()), null);
    }

    if (node == null || !node.isObject()) {
      return new Validation.Rejected(
          RejectReason.NOT_AN_OBJECT,
          "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()),
          null);
    }

    ObjectNode record = (ObjectNode) node;
    return validate(format.isTextual() ? TextualValues.typed(record, MAPPER) : record);
  }

  /**
   * Validates one CSV line against its file's header. Every cell is text: see {@link TextualValues}
   * for how cells become typed values.
   */
  public Validation validateCsv(String line, List<String> header) {
    if (exceedsRowLimit(line)) {
      return oversized(line);
    }

    List<String> cells = CsvRecords.split(line);
    if (cells == null || cells.size() != header.size()) {
      String found = cells == null ? "unbalanced quotes" : cells.size() + " cells";
      return new Validation.Rejected(
          RejectReason.MALFORMED_CSV,
          "expected " + header.size() + " cells as in the header, found " + found,
          null);
    }

    ObjectNode record = MAPPER.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      record.put(header.get(i), cells.get(i));
    }

    return validate(TextualValues.typed(record, MAPPER));
  }

  /** Validates an already parsed JSON object with JSON types. */
  public Validation validate(ObjectNode record) {
    try {
      return new Validation.Accepted(read(record));
    } catch (RowRejection rejection) {
      JsonNode client = record.get(CLIENT_ID);
      String clientId = client != null && client.isTextual() ? client.textValue() : null;
      return new Validation.Rejected(rejection.reason(), rejection.getMessage(), clientId);
    }
  }

  private boolean exceedsRowLimit(String raw) {
    // A UTF-16 char encodes to at most 3 UTF-8 bytes: skip the exact count for ordinary rows.
    return (long) raw.length() * 3 > limits.maxRowBytes()
        && raw.getBytes(StandardCharsets.UTF_8).length > limits.maxRowBytes();
  }

  private Validation oversized(String raw) {
    return oversized(raw.getBytes(StandardCharsets.UTF_8).length);
  }

  /** The rejection of a row of {@code bytes} bytes, more than the row limit. */
  public Validation oversized(long bytes) {
    return new Validation.Rejected(
        RejectReason.OVERSIZED_ROW,
        "row of " + bytes + " bytes, at most " + limits.maxRowBytes(),
        null);
  }

  private Event read(ObjectNode record) {
    JsonFields fields = new JsonFields(record, "", limits.maxFieldChars());
    String clientId = fields.requiredString(CLIENT_ID);
    if (!CLIENT_ID_PATTERN.matcher(clientId).matches()) {
      throw new RowRejection(
          RejectReason.INVALID_CLIENT_ID,
          "client_id: '" + Quoted.capped(clientId) + "' must match " + CLIENT_ID_PATTERN);
    }

    String eventId = fields.requiredString(EVENT_ID);
    if (eventId.length() > MAX_EVENT_ID_CHARS) {
      throw new RowRejection(
          RejectReason.INVALID_EVENT_ID,
          "event_id: " + eventId.length() + " characters, at most " + MAX_EVENT_ID_CHARS);
    }

    fields.requiredString(EVENT_TYPE);
    String eventType =
        fields.matching(
            EVENT_TYPE,
            EVENT_TYPE_PATTERN,
            RejectReason.INVALID_EVENT_TYPE,
            "a lower-case identifier");
    Instant eventTime = eventTime(fields);
    String customerId = fields.string(CUSTOMER_ID);
    if (CUSTOMER_EVENT_TYPES.contains(eventType) && (customerId == null || customerId.isBlank())) {
      throw new RowRejection(
          RejectReason.MISSING_FIELD, "customer_id: required on " + eventType + " events");
    }

    Event event =
        new Event(
            clientId,
            eventId,
            eventType,
            eventTime,
            customerId,
            fields.string(EMAIL),
            amount(fields, AMOUNT),
            fields.matching(
                CURRENCY,
                CURRENCY_PATTERN,
                RejectReason.INVALID_CURRENCY,
                "an ISO 4217 code (three upper-case letters)"),
            country(fields, COUNTRY),
            items(fields),
            paymentMethod(fields),
            fields.string(IP),
            fields.string(DEVICE_ID),
            attributes(fields),
            fields.string(REF_EVENT_ID),
            label(fields),
            liveScore(fields),
            fields.string(LIVE_ACTION));
    String encoding = IdentifierEncoding.problem(event);
    if (encoding != null) {
      throw new RowRejection(RejectReason.INVALID_ENCODING, encoding);
    }

    // Last, so a row with a known problem (missing, mistyped) is reported as that problem.
    fields.rejectUnknown(KNOWN_FIELDS);
    return event;
  }

  private Instant eventTime(JsonFields fields) {
    JsonNode value = fields.value(EVENT_TIME);
    if (value == null) {
      throw new RowRejection(RejectReason.MISSING_FIELD, "event_time: required");
    }

    Instant time;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      time = EventTimes.ofEpochMillis(value.longValue());
    } else if (value.isTextual()) {
      time = EventTimes.parse(value.textValue().trim());
      if (time == null) {
        throw new RowRejection(
            RejectReason.UNPARSABLE_TIMESTAMP,
            "event_time: '"
                + Quoted.capped(value.textValue())
                + "' is not an ISO-8601 timestamp or epoch milliseconds");
      }
    } else {
      throw fields.wrongType(EVENT_TIME, "an ISO-8601 string or epoch milliseconds", value);
    }

    if (time.isBefore(limits.earliest()) || time.isAfter(limits.latest())) {
      throw new RowRejection(
          RejectReason.IMPLAUSIBLE_TIMESTAMP,
          "event_time: " + time + " is outside " + limits.earliest() + ".." + limits.latest());
    }

    return time;
  }

  private static BigDecimal amount(JsonFields fields, String field) {
    BigDecimal amount = fields.decimal(field);
    if (amount == null) {
      return null;
    }

    // Stripping the zeros of a 60,000-digit number takes seconds (quadratic): refuse it first.
    if (amount.precision() > MAX_AMOUNT_DIGITS || !fitsAmount(amount.stripTrailingZeros())) {
      throw new RowRejection(
          RejectReason.INVALID_AMOUNT,
          fields.name(field)
              + ": "
              + Quoted.capped(written(amount))
              + " needs at most 2 decimals and fewer than 17 integer digits");
    }

    return amount.setScale(2);
  }

  private static boolean fitsAmount(BigDecimal plain) {
    return plain.scale() <= 2 && plain.abs().compareTo(MAX_AMOUNT) < 0;
  }

  /**
   * The number as written, without spelling out a huge exponent: the plain form of {@code
   * 1e999999999} is a billion digits, which ran ingest out of memory.
   */
  private static String written(BigDecimal amount) {
    return Math.abs((long) amount.scale()) <= 64 ? amount.toPlainString() : amount.toString();
  }

  private static String country(JsonFields fields, String field) {
    return fields.matching(
        field,
        COUNTRY_PATTERN,
        RejectReason.INVALID_COUNTRY,
        "an ISO 3166-1 alpha-2 code (two upper-case letters)");
  }

  private List<Item> items(JsonFields fields) {
    JsonNode array = fields.array(ITEMS);
    if (array == null) {
      return List.of();
    }

    if (array.size() > limits.maxItems()) {
      throw new RowRejection(
          RejectReason.TOO_MANY_ITEMS,
          "items: " + array.size() + " order lines, at most " + limits.maxItems());
    }

    List<Item> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode line = array.get(i);
      String path = "items[" + i + "]";
      if (!line.isObject()) {
        throw new RowRejection(RejectReason.WRONG_TYPE, path + ": expected an object");
      }

      JsonFields item = new JsonFields(line, path, limits.maxFieldChars());
      item.rejectUnknown(ITEM_FIELDS);
      Integer quantity = item.integer("quantity");
      items.add(
          new Item(item.string("name"), item.string("category"), amount(item, "price"), quantity));
    }

    return items;
  }

  private PaymentMethod paymentMethod(JsonFields fields) {
    JsonNode object = fields.object(PAYMENT_METHOD);
    if (object == null) {
      return null;
    }

    JsonFields payment = new JsonFields(object, PAYMENT_METHOD, limits.maxFieldChars());
    payment.rejectUnknown(PAYMENT_FIELDS);
    return new PaymentMethod(
        payment.string("fingerprint"),
        payment.string("type"),
        payment.string("bin"),
        country(payment, "country"));
  }

  private Map<String, String> attributes(JsonFields fields) {
    JsonNode object = fields.object(ATTRIBUTES);
    if (object == null) {
      return Map.of();
    }

    JsonFields attributes = new JsonFields(object, ATTRIBUTES, limits.maxFieldChars());
    Map<String, String> values = new LinkedHashMap<>();
    object
        .fieldNames()
        .forEachRemaining(
            key -> {
              String value = attributes.string(key);
              if (value != null) {
                values.put(key, value);
              }
            });
    return values;
  }

  private static Integer label(JsonFields fields) {
    Integer label = fields.integer(LABEL);
    if (label != null && label != 0 && label != 1) {
      throw new RowRejection(RejectReason.INVALID_LABEL, "label: " + label + " is not 0 or 1");
    }

    return label;
  }

  private static Double liveScore(JsonFields fields) {
    Double score = fields.number(LIVE_SCORE);
    if (score != null && !Double.isFinite(score)) {
      throw new RowRejection(RejectReason.INVALID_SCORE, "live_score: not a finite number");
    }

    return score;
  }

  private static String firstLine(String message) {
    String text = message == null ? "unparsable JSON" : message;
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
