package io.micromodels.features;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validated event of the event log, exactly the columns of DESIGN.md §3.1. Produced by {@link
 * EventValidator}; the same record feeds ingest, feature extraction and the live scorer. Optional
 * fields are null when absent; {@code items} and {@code attributes} are never null.
 */
public record Event(
    String clientId,
    String eventId,
    String eventType,
    Instant eventTime,
    String customerId,
    String email,
    BigDecimal amount,
    String currency,
    String country,
    List<Item> items,
    PaymentMethod paymentMethod,
    String ip,
    String deviceId,
    Map<String, String> attributes,
    String refEventId,
    Integer label,
    Double liveScore,
    String liveAction) {

  public Event {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(eventTime, "eventTime");
    items = List.copyOf(items);
    attributes = Map.copyOf(attributes);
  }
}
