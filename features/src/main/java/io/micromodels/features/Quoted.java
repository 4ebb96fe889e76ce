package io.micromodels.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How an error message quotes a value it did not accept: at most {@value #MAX_CHARS} characters, so
 * a 200 KB value in a config or an input row gives a readable one-line error, not a 200 KB one.
 */
public final class Quoted {
  public static final int MAX_CHARS = 40;

  /**
   * How much of a value is searched for credentials: enough to cover what {@link #capped} shows,
   * and a bound on the regular expressions' work on a 1 MB value.
   */
  private static final int SEARCHED_CHARS = 4 * MAX_CHARS;

  private Quoted() {}

  /** The value itself when short, else its first characters and "...". */
  public static String capped(String value) {
    if (value == null) {
      return "null";
    }

    return value.length() <= MAX_CHARS ? value : value.substring(0, MAX_CHARS - 3) + "...";
  }

  /** A value read from a file that an error quotes: its credentials redacted, then capped. */
  public static String redacted(String value) {
    return value == null ? "null" : capped(SecretFilter.redact(head(value)));
  }

  /**
   * A parsed value (JSON form) that an error quotes: values under keys that name a credential and
   * credentials in texts redacted ({@link SecretFilter#redact(JsonNode)}), then capped.
   */
  public static String redacted(JsonNode value) {
    return value == null ? "null" : capped(SecretFilter.redact(head(value)).toString());
  }

  private static String head(String text) {
    return text.length() <= SEARCHED_CHARS ? text : text.substring(0, SEARCHED_CHARS);
  }

  /** The part of a tree that can reach the capped text: short texts, few items per container. */
  private static JsonNode head(JsonNode value) {
    if (value.isTextual()) {
      return TextNode.valueOf(head(value.textValue()));
    }

    if (value.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      value
          .fields()
          .forEachRemaining(
              e -> {
                if (copy.size() < MAX_CHARS) {
                  copy.set(head(e.getKey()), head(e.getValue()));
                }
              });
      return copy;
    }

    if (value.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < Math.min(value.size(), MAX_CHARS); i++) {
        copy.add(head(value.get(i)));
      }

      return copy;
    }

    return value;
  }
}
