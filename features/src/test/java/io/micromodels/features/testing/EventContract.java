package io.micromodels.features.testing;

import io.micromodels.features.Event;
import io.micromodels.features.EventFields;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.Item;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * The event contract (DESIGN.md §3.1, docs/ingest.md) written out independently of the validator,
 * for properties to check what was accepted: an empty list means the event is valid.
 *
 * @param prices the order lines' prices
 * @param texts every free-text value, to check the per-field length limit
 */
public record EventContract(
    String clientId,
    String eventId,
    String eventType,
    Instant eventTime,
    String customerId,
    BigDecimal amount,
    String currency,
    String country,
    int itemCount,
    List<BigDecimal> prices,
    Integer label,
    Double liveScore,
    List<String> texts) {

  public static EventContract of(Event e) {
    List<String> texts = new ArrayList<>(List.of(e.clientId(), e.eventId(), e.eventType()));
    texts.addAll(
        nonNull(e.customerId(), e.email(), e.ip(), e.deviceId(), e.refEventId(), e.liveAction()));
    e.items().forEach(i -> texts.addAll(nonNull(i.name(), i.category())));
    texts.addAll(e.attributes().values());
    return new EventContract(
        e.clientId(),
        e.eventId(),
        e.eventType(),
        e.eventTime(),
        e.customerId(),
        e.amount(),
        e.currency(),
        e.country(),
        e.items().size(),
        e.items().stream().map(Item::price).filter(Objects::nonNull).toList(),
        e.label(),
        e.liveScore(),
        texts);
  }

  /** A row of the {@code events} table. */
  public static EventContract of(Row r) {
    List<Row> items = r.getList(r.fieldIndex(EventFields.ITEMS));
    List<String> texts = new ArrayList<>();
    for (String column :
        List.of(
            "client_id",
            "event_id",
            "event_type",
            "customer_id",
            "email",
            "ip",
            "device_id",
            "ref_event_id",
            "live_action")) {
      String value = r.getAs(column);
      if (value != null) {
        texts.add(value);
      }
    }

    items.forEach(i -> texts.addAll(nonNull(i.<String>getAs("name"), i.<String>getAs("category"))));
    texts.addAll(r.<String, String>getJavaMap(r.fieldIndex(EventFields.ATTRIBUTES)).values());
    return new EventContract(
        r.getAs("client_id"),
        r.getAs("event_id"),
        r.getAs("event_type"),
        r.getAs("event_time"),
        r.getAs("customer_id"),
        r.getAs("amount"),
        r.getAs("currency"),
        r.getAs("country"),
        items.size(),
        items.stream().map(i -> i.<BigDecimal>getAs("price")).filter(Objects::nonNull).toList(),
        r.getAs("label"),
        r.getAs("live_score"),
        texts);
  }

  /** What breaks the contract under {@code limits}; empty for a valid event. */
  public List<String> violations(IngestLimits limits) {
    List<String> broken = new ArrayList<>();
    check(
        broken,
        clientId != null && EventFields.CLIENT_ID_PATTERN.matcher(clientId).matches(),
        "client_id " + clientId);
    check(
        broken,
        eventId != null && !eventId.isBlank() && eventId.length() <= 128,
        "event_id " + eventId);
    check(
        broken,
        eventType != null && EventFields.EVENT_TYPE_PATTERN.matcher(eventType).matches(),
        "event_type " + eventType);
    check(
        broken,
        eventTime != null
            && !eventTime.isBefore(limits.earliest())
            && !eventTime.isAfter(limits.latest()),
        "event_time " + eventTime);
    check(
        broken,
        !EventFields.CUSTOMER_EVENT_TYPES.contains(eventType)
            || customerId != null && !customerId.isBlank(),
        "customer_id on " + eventType);
    check(broken, amount == null || fitsDecimal18x2(amount), "amount " + amount);
    check(broken, prices.stream().allMatch(EventContract::fitsDecimal18x2), "prices " + prices);
    check(broken, currency == null || currency.matches("[A-Z]{3}"), "currency " + currency);
    check(broken, country == null || country.matches("[A-Z]{2}"), "country " + country);
    check(broken, itemCount <= limits.maxItems(), itemCount + " items");
    check(broken, label == null || label == 0 || label == 1, "label " + label);
    check(broken, liveScore == null || Double.isFinite(liveScore), "live_score " + liveScore);
    check(
        broken,
        texts.stream().allMatch(t -> t.length() <= limits.maxFieldChars()),
        "a text longer than " + limits.maxFieldChars());
    return broken;
  }

  private static boolean fitsDecimal18x2(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 2
        && value.abs().compareTo(new BigDecimal("1e16")) < 0;
  }

  private static void check(List<String> broken, boolean ok, String what) {
    if (!ok) {
      broken.add(what);
    }
  }

  private static List<String> nonNull(String... values) {
    return java.util.Arrays.stream(values).filter(Objects::nonNull).toList();
  }
}
