package io.micromodels.features.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns of the {@code features} table for a set of clients, with what each one means. */
public final class FeatureCatalogue {
  /** One column: its name, type and meaning. */
  public record Entry(String name, String type, String description) {}

  private static final List<Entry> FIXED =
      List.of(
          new Entry("client_id", "string", "the client (partition column)"),
          new Entry("event_id", "string", "the decision event"),
          new Entry("customer_id", "string", "the customer"),
          new Entry("event_time", "timestamp", "when the decision event happened (UTC)"),
          new Entry("event_date", "date", "UTC date of event_time (partition column)"),
          new Entry("event_type", "string", "the decision event's type"),
          new Entry("email", "string", "raw email, for the email micromodel"),
          new Entry("email_domain", "string", "lower-cased text after the last @"),
          new Entry("amount", "decimal(18,2)", "order amount in currency"),
          new Entry("currency", "string", "ISO 4217"),
          new Entry("country", "string", "ISO 3166-1 alpha-2 of the event"),
          new Entry(
              "item_names", "array<string>", "names of the order lines, for the items micromodel"),
          new Entry("item_categories", "array<string>", "categories of the order lines"),
          new Entry("payment_country", "string", "country of the payment method"),
          new Entry(
              "payment_country_mismatch",
              "int",
              "1 when the payment method's country differs from the event's, null when either is missing"),
          new Entry("ip", "string", "raw IP"),
          new Entry("device_id", "string", "raw device id"),
          new Entry("attributes", "map<string,string>", "client-specific fields (segments)"),
          new Entry("live_score", "double", "what the live system scored then"),
          new Entry("live_action", "string", "what the live system decided then"),
          new Entry("time.hour", "int", "local hour 0-23 in the client's time zone (DST-aware)"),
          new Entry("time.weekend", "int", "1 on a local Saturday or Sunday"),
          new Entry(
              "time.night",
              "int",
              "1 in the client's night_hours (by default 22:00 to 05:59) local time"),
          new Entry(
              "account_age_days",
              "double",
              "days since the customer's account_created (within 365 days before), null if none"));
  private static final List<Entry> LABELS =
      List.of(
          new Entry("label", "int", "1 when a fraud label was known at as_of, else 0"),
          new Entry("label_time", "timestamp", "when the first fraud label became known, or null"),
          new Entry(
              "label_mature",
              "boolean",
              "event_time <= as_of - label.delay_days: a 0 here is trustworthy"),
          new Entry("as_of", "timestamp", "the moment the labels are as of"));

  private FeatureCatalogue() {}

  /** Every column for these clients, fixed ones first, then declared features, then labels. */
  public static List<Entry> of(List<ClientConfig> clients) {
    Map<String, Entry> declared = new LinkedHashMap<>();
    for (ClientConfig client : clients) {
      for (FeatureSpec spec : client.features()) {
        List<String> names = spec.columnNames();
        for (int i = 0; i < names.size(); i++) {
          declared.putIfAbsent(
              names.get(i),
              new Entry(
                  names.get(i),
                  "double",
                  describe(spec, spec.windows().get(i).name(), client.decisionEventTypes())));
        }
      }
    }

    List<Entry> all = new ArrayList<>(FIXED);
    all.addAll(declared.values());
    all.addAll(LABELS);
    return all;
  }

  static String describe(FeatureSpec spec, String window, List<String> decisionTypes) {
    String entity = "the same " + spec.entity();
    long delay = spec.delay().toDays();
    String before =
        spec.includeCurrent()
            ? " in the " + window + " up to and including the event"
            : delay > 0
                ? " in [t - " + delay + "d - " + window + ", t - " + delay + "d)"
                : " in the " + window + " before the event";
    String empty =
        spec.emptyValue() == EmptyValue.defaultFor(spec.aggregate())
            ? ""
            : "; " + spec.emptyValue().spelling() + " when the window is empty";
    return aggregate(spec, window, decisionTypes, entity, before) + empty;
  }

  private static String aggregate(
      FeatureSpec spec, String window, List<String> decisionTypes, String entity, String before) {
    String types =
        spec.eventTypes().isEmpty()
            ? String.join("/", decisionTypes)
            : String.join("/", spec.eventTypes());
    return switch (spec.aggregate()) {
      case COUNT ->
          (spec.eventTypes().isEmpty() ? "events" : types + " events") + " of " + entity + before;
      case SUM, AVG, MAX ->
          spec.aggregate().key() + " of amount over " + types + " events of " + entity + before;
      case DISTINCT_COUNT -> "distinct " + spec.of() + " among events of " + entity + before;
      case AMOUNT_RATIO ->
          "this amount / mean amount of " + types + " events of " + entity + before;
      case LABEL_RATE ->
          "share of "
              + entity
              + "'s decision events in [t - "
              + spec.delay().toDays()
              + "d - "
              + window
              + ", t - "
              + spec.delay().toDays()
              + "d) whose fraud label was known before t";
    };
  }
}
