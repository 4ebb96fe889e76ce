package io.micromodels.features;

import static io.micromodels.features.EventFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the common row, a JSON object that is a valid event, in one pass over its tokens: no tree,
 * no second look at a field. It answers only "valid, and this is the event"; anything else (a
 * problem, or merely an unusual shape: a repeated key, an unknown field, a number where text
 * belongs) returns null, and {@link EventValidator} validates the row again with the tree-based
 * reader, which names the problem. The reasons and details of rejected rows are therefore those of
 * the tree-based reader by construction, and an accepted row gives the same {@link Event}.
 * Thread-safe.
 */
final class StreamingEventReader {
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e16");
  private static final Map<String, Integer> SLOTS = slots();
  private static final List<String> ITEM_NAMES = List.of("name", "category", "price", "quantity");
  private static final List<String> PAYMENT_NAMES =
      List.of("fingerprint", "type", "bin", "country");

  private final JsonFactory factory;
  private final IngestLimits limits;

  StreamingEventReader(JsonFactory factory, IngestLimits limits) {
    this.factory = factory;
    this.limits = limits;
  }

  /** The event of a valid row, or null when the tree-based reader must decide. */
  Event read(String json) {
    Object[] values = new Object[ALL.size()];
    try (JsonParser parser = factory.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || !readFields(parser, values)
          || parser.nextToken() != null) {
        return null;
      }

      return event(values);
    } catch (IOException | RuntimeException e) {
      // Malformed, or a value out of range: the tree-based reader reports it.
      return null;
    }
  }

  /** Reads the top-level fields into their slots; false for an unknown or repeated key. */
  private boolean readFields(JsonParser parser, Object[] values) throws IOException {
    long seen = 0;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      Integer slot = SLOTS.get(parser.currentName());
      if (slot == null || (seen & 1L << slot) != 0) {
        return false;
      }

      seen |= 1L << slot;
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }

      Object read =
          switch (ALL.get(slot)) {
            case EVENT_TIME -> eventTime(parser, value);
            case AMOUNT -> amount(parser, value);
            case LIVE_SCORE -> liveScore(parser, value);
            case LABEL -> label(parser, value);
            case ITEMS -> items(parser, value);
            case PAYMENT_METHOD -> paymentMethod(parser, value);
            case ATTRIBUTES -> attributes(parser, value);
            default -> string(parser, value);
          };
      if (read == null) {
        return false;
      }

      values[slot] = read;
    }

    return true;
  }

  private Event event(Object[] values) {
    String clientId = (String) values[slot(CLIENT_ID)];
    String eventId = (String) values[slot(EVENT_ID)];
    String eventType = (String) values[slot(EVENT_TYPE)];
    String customerId = (String) values[slot(CUSTOMER_ID)];
    String currency = (String) values[slot(CURRENCY)];
    String country = (String) values[slot(COUNTRY)];
    if (isBlank(clientId)
        || !CLIENT_ID_PATTERN.matcher(clientId).matches()
        || isBlank(eventId)
        || eventId.length() > MAX_EVENT_ID_CHARS
        || isBlank(eventType)
        || !EVENT_TYPE_PATTERN.matcher(eventType).matches()
        || CUSTOMER_EVENT_TYPES.contains(eventType) && isBlank(customerId)
        || currency != null && !CURRENCY_PATTERN.matcher(currency).matches()
        || country != null && !COUNTRY_PATTERN.matcher(country).matches()) {
      return null;
    }

    Instant eventTime = eventTime(values[slot(EVENT_TIME)]);
    if (eventTime == null) {
      return null;
    }

    @SuppressWarnings("unchecked")
    List<Item> items = (List<Item>) values[slot(ITEMS)];
    @SuppressWarnings("unchecked")
    Map<String, String> attributes = (Map<String, String>) values[slot(ATTRIBUTES)];
    return new Event(
        clientId,
        eventId,
        eventType,
        eventTime,
        customerId,
        (String) values[slot(EMAIL)],
        (BigDecimal) values[slot(AMOUNT)],
        currency,
        country,
        items == null ? List.of() : items,
        (PaymentMethod) values[slot(PAYMENT_METHOD)],
        (String) values[slot(IP)],
        (String) values[slot(DEVICE_ID)],
        attributes == null ? Map.of() : attributes,
        (String) values[slot(REF_EVENT_ID)],
        (Integer) values[slot(LABEL)],
        (Double) values[slot(LIVE_SCORE)],
        (String) values[slot(LIVE_ACTION)]);
  }

  private Instant eventTime(Object value) {
    Instant time =
        value instanceof Long millis
            ? EventTimes.ofEpochMillis(millis)
            : value instanceof String text ? EventTimes.parse(text.trim()) : null;
    if (time == null || time.isBefore(limits.earliest()) || time.isAfter(limits.latest())) {
      return null;
    }

    return time;
  }

  /** Text as is, or epoch millis as a {@link Long}. */
  private static Object eventTime(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }

    if (value == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }

    return null;
  }

  private String string(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      return null;
    }

    String text = parser.getText();
    return text.length() > limits.maxFieldChars() ? null : text;
  }

  private static BigDecimal amount(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      return null;
    }

    BigDecimal amount = parser.getDecimalValue();
    BigDecimal plain = amount.stripTrailingZeros();
    if (plain.scale() > 2 || plain.abs().compareTo(MAX_AMOUNT) >= 0) {
      return null;
    }

    return amount.setScale(2);
  }

  private static Double liveScore(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      return null;
    }

    double score = parser.getDecimalValue().doubleValue();
    return Double.isFinite(score) ? score : null;
  }

  private static Integer label(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT) {
      return null;
    }

    int label = parser.getIntValue();
    return label == 0 || label == 1 ? label : null;
  }

  private List<Item> items(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return null;
    }

    List<Item> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      Item item = token == JsonToken.START_OBJECT ? item(parser) : null;
      if (item == null || items.size() == limits.maxItems()) {
        return null;
      }

      items.add(item);
    }

    return items;
  }

  private Item item(JsonParser parser) throws IOException {
    Object[] fields = new Object[ITEM_NAMES.size()];
    boolean read =
        readObject(
            parser,
            ITEM_NAMES,
            fields,
            (field, value) ->
                switch (field) {
                  case 2 -> amount(parser, value);
                  case 3 -> quantity(parser, value);
                  default -> string(parser, value);
                });
    return read
        ? new Item(
            (String) fields[0], (String) fields[1], (BigDecimal) fields[2], (Integer) fields[3])
        : null;
  }

  private static Integer quantity(JsonParser parser, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() == JsonParser.NumberType.INT
        ? parser.getIntValue()
        : null;
  }

  private PaymentMethod paymentMethod(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return null;
    }

    Object[] fields = new Object[PAYMENT_NAMES.size()];
    if (!readObject(parser, PAYMENT_NAMES, fields, (field, text) -> string(parser, text))) {
      return null;
    }

    String country = (String) fields[3];
    if (country != null && !COUNTRY_PATTERN.matcher(country).matches()) {
      return null;
    }

    return new PaymentMethod((String) fields[0], (String) fields[1], (String) fields[2], country);
  }

  /** Reads one value of a nested object's field (by index); null when it is not acceptable. */
  private interface FieldReader {
    Object read(int field, JsonToken value) throws IOException;
  }

  /**
   * Reads a nested object of known fields (the parser is on its START_OBJECT) into {@code values},
   * null values left absent; false for an unknown or repeated key or a value the reader does not
   * accept.
   */
  private static boolean readObject(
      JsonParser parser, List<String> names, Object[] values, FieldReader reader)
      throws IOException {
    boolean[] seen = new boolean[names.size()];
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      int field = names.indexOf(parser.currentName());
      if (field < 0 || seen[field]) {
        return false;
      }

      seen[field] = true;
      JsonToken value = parser.nextToken();
      if (value != JsonToken.VALUE_NULL && (values[field] = reader.read(field, value)) == null) {
        return false;
      }
    }

    return true;
  }

  private Map<String, String> attributes(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      return null;
    }

    Map<String, String> attributes = new HashMap<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_OBJECT;
        token = parser.nextToken()) {
      String key = parser.currentName();
      if (attributes.containsKey(key)) {
        return null;
      }

      JsonToken text = parser.nextToken();
      if (text == JsonToken.VALUE_NULL) {
        // The tree-based reader skips null attributes; a repeated key after one still falls back.
        attributes.put(key, null);
        continue;
      }

      String read = string(parser, text);
      if (read == null) {
        return null;
      }

      attributes.put(key, read);
    }

    attributes.values().removeIf(Objects::isNull);
    return attributes;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static int slot(String field) {
    return SLOTS.get(field);
  }

  private static Map<String, Integer> slots() {
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < ALL.size(); i++) {
      slots.put(ALL.get(i), i);
    }

    return Map.copyOf(slots);
  }
}
