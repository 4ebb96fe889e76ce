package io.micromodels.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed reads of one JSON object's fields; each failure becomes a {@link RowRejection}. */
final class JsonFields {
  private final JsonNode node;
  private final String path;
  private final int maxFieldChars;

  JsonFields(JsonNode node, String path, int maxFieldChars) {
    this.node = node;
    this.path = path;
    this.maxFieldChars = maxFieldChars;
  }

  void rejectUnknown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new RowRejection(
            RejectReason.UNKNOWN_FIELD,
            name(name) + ": not an event field (client-specific fields go in attributes)");
      }
    }
  }

  JsonNode value(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  String string(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }

    if (!value.isTextual()) {
      throw wrongType(field, "a string", value);
    }

    String text = value.textValue();
    if (text.length() > maxFieldChars) {
      throw new RowRejection(
          RejectReason.OVERSIZED_FIELD,
          name(field) + ": " + text.length() + " characters, at most " + maxFieldChars);
    }

    return text;
  }

  String requiredString(String field) {
    String text = string(field);
    if (text == null || text.isBlank()) {
      throw new RowRejection(RejectReason.MISSING_FIELD, name(field) + ": required");
    }

    return text;
  }

  String matching(String field, Pattern pattern, RejectReason reason, String expected) {
    String text = string(field);
    if (text != null && !pattern.matcher(text).matches()) {
      throw new RowRejection(
          reason, name(field) + ": '" + Quoted.capped(text) + "' is not " + expected);
    }

    return text;
  }

  BigDecimal decimal(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }

    if (!value.isNumber()) {
      throw wrongType(field, "a number", value);
    }

    if (isBeyondDouble(value)) {
      throw new RowRejection(
          RejectReason.INVALID_AMOUNT,
          name(field)
              + ": a number beyond the double range needs at most 2 decimals and fewer"
              + " than 17 integer digits");
    }

    return value.decimalValue();
  }

  Integer integer(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }

    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(field, "an integer", value);
    }

    return value.intValue();
  }

  Double number(String field) {
    JsonNode node = value(field);
    if (node != null && isBeyondDouble(node)) {
      return node.doubleValue();
    }

    BigDecimal value = decimal(field);
    return value == null ? null : value.doubleValue();
  }

  /**
   * Jackson reads a float literal beyond the double range ({@code 1e400}) as an infinite double
   * even when asked for BigDecimals, and such a node has no decimal value.
   */
  private static boolean isBeyondDouble(JsonNode value) {
    return value.isFloatingPointNumber()
        && !value.isBigDecimal()
        && !Double.isFinite(value.doubleValue());
  }

  JsonNode object(String field) {
    JsonNode value = value(field);
    if (value != null && !value.isObject()) {
      throw wrongType(field, "an object", value);
    }

    return value;
  }

  JsonNode array(String field) {
    JsonNode value = value(field);
    if (value != null && !value.isArray()) {
      throw wrongType(field, "an array", value);
    }

    return value;
  }

  String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  RowRejection wrongType(String field, String expected, JsonNode found) {
    return new RowRejection(
        RejectReason.WRONG_TYPE,
        name(field)
            + ": expected "
            + expected
            + ", found "
            + found.getNodeType().name().toLowerCase()
            + " "
            + Quoted.capped(found.toString()));
  }
}
