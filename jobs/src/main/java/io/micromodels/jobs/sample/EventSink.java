package io.micromodels.jobs.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Writes one customer's events as contract JSON (DESIGN.md §3.1), with the live model's answer. */
final class EventSink {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final long DAY = 86_400;

  private final ClientProfile client;
  private final Person person;
  private final Instant periodEnd;
  private final long seed;
  private final List<SampleEvent> events = new ArrayList<>();

  /** What the live model may know of the customer: sign-up, earlier orders and their cards. */
  private Instant signup;

  private final List<Instant> earlierOrders = new ArrayList<>();
  private final Set<String> earlierCards = new HashSet<>();
  private int sequence;

  EventSink(ClientProfile client, Person person, Instant periodEnd, long seed) {
    this.client = client;
    this.person = person;
    this.periodEnd = periodEnd;
    this.seed = seed;
  }

  List<SampleEvent> events() {
    return events;
  }

  void accountCreated(Instant at) {
    ObjectNode e = base("account_created", at);
    signup = at;
    e.put("email", person.email());
    e.put("country", person.country());
    e.put("ip", person.ips().get(0));
    e.put("device_id", person.devices().get(0));
    add(e, at);
  }

  void login(Instant at) {
    ObjectNode e = base("login", at);
    e.put("ip", person.ips().get(0));
    e.put("device_id", person.devices().get(0));
    add(e, at);
  }

  void paymentMethodAdded(Instant at, Card card) {
    ObjectNode e = base("payment_method_added", at);
    payment(e, card);
    e.put("device_id", person.devices().get(0));
    add(e, at);
  }

  /** An order, the live model's score and action, and the labels that follow it. */
  void order(SplittableRandom rnd, Instant at, boolean fraud, Card card) {
    ObjectNode e = base("order", at);
    String orderId = e.get("event_id").textValue();
    e.put("email", person.email());
    BigDecimal amount = BigDecimal.ZERO.setScale(2);
    ArrayNode items = e.putArray("items");
    int lines = 1 + rnd.nextInt(fraud ? 3 : 4);
    for (int i = 0; i < lines; i++) {
      CatalogItem item = pickItem(rnd, fraud ? 0.65 : person.resaleAppetite());
      BigDecimal price =
          CustomerStory.money(
              item.minPrice() + rnd.nextDouble() * (item.maxPrice() - item.minPrice()));
      int quantity = 1 + (rnd.nextDouble() < 0.2 ? rnd.nextInt(3) : 0);
      ObjectNode line = items.addObject();
      line.put("name", item.name());
      line.put("category", item.category());
      line.put("price", price);
      line.put("quantity", quantity);
      amount = amount.add(price.multiply(BigDecimal.valueOf(quantity)));
    }

    e.put("amount", amount);
    e.put("currency", client.currencies().get(person.country()));
    e.put("country", person.country());
    payment(e, card);
    e.put("ip", person.ips().get(0));
    e.put("device_id", person.devices().get(0));
    attributes(e.putObject("attributes"), rnd, fraud);
    // The live model sees the order as logged and the customer's past, never the fraud flag.
    LiveModel.Signals signals = LiveModel.Signals.of(e, signup, earlierOrders, earlierCards);
    double score = LiveModel.logged(LiveModel.score(signals, LiveModel.noise(seed, orderId)));
    String action = LiveModel.action(score);
    e.put("live_score", score);
    e.put("live_action", action);
    add(e, at);
    earlierOrders.add(at);
    earlierCards.add(card.fingerprint());
    labels(rnd, at, orderId, fraud, action, amount);
  }

  private void labels(
      SplittableRandom rnd,
      Instant at,
      String orderId,
      boolean fraud,
      String action,
      BigDecimal amount) {
    boolean proceeds = action.equals("ALLOW");
    if (action.equals("REVIEW")) {
      // Reviewers are good, not perfect; an order they call fraud is cancelled.
      boolean calledFraud = rnd.nextDouble() < (fraud ? 0.9 : 0.03);
      label(
          "review_decision",
          at.plusSeconds(1800 + rnd.nextInt((int) (3 * DAY))),
          orderId,
          calledFraud ? 1 : 0,
          null);
      proceeds = !calledFraud;
    }

    if (!fraud) {
      return;
    }

    Instant later = at.plusSeconds(10 * DAY + rnd.nextInt((int) (80 * DAY)));
    if (proceeds && rnd.nextDouble() < 0.8) {
      label("chargeback", later, orderId, 1, amount);
    } else if (rnd.nextDouble() < 0.2) {
      label("fraud_report", later, orderId, 1, null);
    }
  }

  private void label(String type, Instant at, String orderId, int label, BigDecimal amount) {
    ObjectNode e = base(type, at);
    e.put("ref_event_id", orderId);
    e.put("label", label);
    if (amount != null) {
      e.put("amount", amount);
      e.put("currency", client.currencies().get(person.country()));
    }

    add(e, at);
  }

  private CatalogItem pickItem(SplittableRandom rnd, double resaleAppetite) {
    List<CatalogItem> catalogue = client.vertical().catalogue();
    boolean wantResale = rnd.nextDouble() < resaleAppetite;
    for (int tries = 0; tries < 20; tries++) {
      CatalogItem item = Identities.pick(rnd, catalogue);
      if (item.resale() == wantResale) {
        return item;
      }
    }

    return Identities.pick(rnd, catalogue);
  }

  private void attributes(ObjectNode attributes, SplittableRandom rnd, boolean fraud) {
    for (String key : client.attributeKeys()) {
      String value =
          switch (key) {
            case "store" ->
                client.vertical() == Vertical.FASHION
                    ? (rnd.nextDouble() < 0.6 ? "web" : "app")
                    : "store-"
                        + (fraud && rnd.nextDouble() < 0.5 ? rnd.nextInt(3) : rnd.nextInt(25));
            case "promotion" ->
                fraud && rnd.nextDouble() < 0.5
                    ? "WELCOME10"
                    : Identities.pick(
                        rnd, List.of("none", "none", "none", "FREESHIP", "WELCOME10"));
            case "terminal" -> "t-" + rnd.nextInt(40);
            case "route" ->
                Identities.pick(rnd, List.of("JFK", "LHR", "FRA", "CDG", "MAD"))
                    + "-"
                    + Identities.pick(rnd, List.of("LAX", "GRU", "DEL", "LOS", "FCO", "BCN"));
            case "departure_in_days" ->
                String.valueOf(fraud ? rnd.nextInt(3) : 3 + rnd.nextInt(90));
            default -> "x";
          };
      attributes.put(key, value);
    }
  }

  private void payment(ObjectNode e, Card card) {
    ObjectNode payment = e.putObject("payment_method");
    payment.put("fingerprint", card.fingerprint());
    payment.put("type", card.type());
    payment.put("bin", card.bin());
    payment.put("country", card.country());
  }

  private ObjectNode base(String type, Instant at) {
    ObjectNode e = MAPPER.createObjectNode();
    e.put("client_id", client.clientId());
    e.put(
        "event_id",
        client.clientId()
            + "-"
            + person.customerId().substring(3)
            + "-"
            + String.format("%03d", sequence++));
    e.put("event_type", type);
    e.put("event_time", TIME.format(at));
    e.put("customer_id", person.customerId());
    return e;
  }

  private void add(ObjectNode e, Instant at) {
    if (!at.isBefore(periodEnd)) {
      return; // after the log ends, e.g. a chargeback not filed yet: labels mature over time
    }

    try {
      events.add(
          new SampleEvent(
              at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
              e.get("event_id").textValue(),
              MAPPER.writeValueAsString(e)));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot render a generated event", ex);
    }
  }
}
