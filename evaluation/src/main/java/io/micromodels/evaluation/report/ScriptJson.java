package io.micromodels.evaluation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON safe to place inside {@code <script type="application/json">}: the page reads it with {@code
 * JSON.parse(element.textContent)}, so it must never close the element or open a comment.
 */
final class ScriptJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScriptJson() {}

  /** {@code value} as JSON with {@code < > &} and U+2028/U+2029 written as {@code \\uXXXX}. */
  static String of(Object value) {
    try {
      return escape(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report's event data as JSON", e);
    }
  }

  // These characters are never JSON syntax, only string content, so escaping them everywhere
  // keeps the JSON equal while "</script>" and "<!--" can no longer appear in the page.
  static String escape(String json) {
    StringBuilder out = new StringBuilder(json.length() + 32);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
