package io.micromodels.features.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds valid event rows as JSON text; tests change one field to make them invalid. */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ObjectNode node;

  private EventJson(ObjectNode node) {
    this.node = node;
  }

  /** A complete, valid order of client {@code acme}. */
  public static EventJson order(String eventId) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("client_id", "acme");
    n.put("event_id", eventId);
    n.put("event_type", "order");
    n.put("event_time", "2025-06-01T10:15:30.123456Z");
    n.put("customer_id", "c-1");
    n.put("email", "jane.doe@example.com");
    n.put("amount", new java.math.BigDecimal("42.50"));
    n.put("currency", "USD");
    n.put("country", "US");
    ObjectNode item = n.putArray("items").addObject();
    item.put("name", "Champagne Brut");
    item.put("category", "champagne");
    item.put("price", new java.math.BigDecimal("42.50"));
    item.put("quantity", 1);
    ObjectNode payment = n.putObject("payment_method");
    payment.put("fingerprint", "fp-1");
    payment.put("type", "card");
    payment.put("bin", "411111");
    payment.put("country", "US");
    n.put("ip", "203.0.113.7");
    n.put("device_id", "dev-1");
    n.putObject("attributes").put("store", "nyc-3");
    n.put("live_score", 71.5);
    n.put("live_action", "REVIEW");
    return new EventJson(n);
  }

  public EventJson with(String field, Object value) {
    node.set(field, MAPPER.valueToTree(value));
    return this;
  }

  public EventJson withJson(String field, String json) {
    try {
      node.set(field, MAPPER.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }

    return this;
  }

  public EventJson without(String field) {
    node.remove(field);
    return this;
  }

  public ObjectNode node() {
    return node.deepCopy();
  }

  public String json() {
    return node.toString();
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
