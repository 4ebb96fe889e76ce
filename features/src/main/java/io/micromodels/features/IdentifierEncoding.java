package io.micromodels.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Identifier fields must reach the tables as sent, character for character: they key events ({@code
 * event_id}), join labels to decisions ({@code customer_id}, {@code ref_event_id}) and group
 * feature entities ({@code device_id}, {@code ip}, the card fingerprint). Two kinds of text cannot:
 * U+FFFD, which is what bytes that were not UTF-8 became when the row was decoded (so {@code
 * u8-\xff} and {@code u8-\xfe} both read {@code u8-\uFFFD} and one was dropped as a duplicate of
 * the other), and a lone surrogate, which UTF-8 cannot encode (Spark stores it as {@code ?}). Such
 * a row is quarantined as {@code invalid_encoding} rather than stored under an id it did not have.
 * U+FFFD sent as such is refused too: it can only stand for lost bytes.
 *
 * <p>{@code client_id} is restricted to {@code [a-z0-9_-]} anyway; free text (email, names,
 * attributes) keeps a replaced character, as it identifies nothing.
 */
final class IdentifierEncoding {
  private IdentifierEncoding() {}

  /** What is wrong with the event's identifiers' text, naming the field, or null. */
  static String problem(Event event) {
    Map<String, String> identifiers = new LinkedHashMap<>();
    identifiers.put(EventFields.EVENT_ID, event.eventId());
    identifiers.put(EventFields.CUSTOMER_ID, event.customerId());
    identifiers.put(EventFields.REF_EVENT_ID, event.refEventId());
    identifiers.put(EventFields.DEVICE_ID, event.deviceId());
    identifiers.put(EventFields.IP, event.ip());
    identifiers.put(
        EventFields.PAYMENT_METHOD + ".fingerprint",
        event.paymentMethod() == null ? null : event.paymentMethod().fingerprint());
    for (Map.Entry<String, String> identifier : identifiers.entrySet()) {
      String problem = problem(identifier.getValue());
      if (problem != null) {
        return identifier.getKey() + ": '" + Quoted.capped(identifier.getValue()) + "' " + problem;
      }
    }

    return null;
  }

  /** What is wrong with one identifier's text, or null when it is stored as it is. */
  static String problem(String text) {
    if (text == null) {
      return null;
    }

    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') {
        return "holds U+FFFD, the mark of bytes that are not UTF-8: an identifier must arrive"
            + " intact";
      }

      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("holds a lone surrogate U+%04X, which UTF-8 cannot store", (int) c);
      }
    }

    return null;
  }
}
