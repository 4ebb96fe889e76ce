package io.micromodels.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gives a CSV record JSON types before validation: an empty cell is absent, numeric columns hold
 * numbers, and the nested columns ({@code items}, {@code payment_method}, {@code attributes}) hold
 * JSON text. A cell that does not convert is left as text, so the validator reports it as {@link
 * RejectReason#WRONG_TYPE} with the column's name.
 */
final class TextualValues {
  private static final Set<String> DECIMAL = Set.of(EventFields.AMOUNT, EventFields.LIVE_SCORE);
  private static final int MAX_NUMBER_CHARS = 64;
  private static final Set<String> NESTED =
      Set.of(EventFields.ITEMS, EventFields.PAYMENT_METHOD, EventFields.ATTRIBUTES);

  private TextualValues() {}

  static ObjectNode typed(ObjectNode record, ObjectMapper mapper) {
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      typed.set(field.getKey(), convert(field.getKey(), field.getValue(), mapper));
    }

    return typed;
  }

  private static JsonNode convert(String name, JsonNode value, ObjectMapper mapper) {
    if (!value.isTextual()) {
      return value;
    }

    String text = value.textValue();
    if (text.isEmpty()) {
      return JsonNodeFactory.instance.nullNode();
    }

    try {
      if (DECIMAL.contains(name)) {
        // JSON numbers are bounded the same way (EventValidator's parser): a 60,000-digit cell
        // took seconds to parse and check, so a longer cell stays text, a wrong type.
        return text.length() > MAX_NUMBER_CHARS
            ? value
            : JsonNodeFactory.instance.numberNode(new BigDecimal(text.trim()));
      }

      if (name.equals(EventFields.LABEL)) {
        return JsonNodeFactory.instance.numberNode(Integer.parseInt(text.trim()));
      }
    } catch (NumberFormatException e) {
      return value;
    }

    if (NESTED.contains(name)) {
      try {
        return mapper.readTree(text);
      } catch (JsonProcessingException e) {
        return value;
      }
    }

    return value;
  }
}
