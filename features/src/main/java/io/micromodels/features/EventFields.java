package io.micromodels.features;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Column names and formats of the event log (DESIGN.md §3.1), shared by validation and schemas. */
public final class EventFields {
  public static final String CLIENT_ID = "client_id";
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_TYPE = "event_type";
  public static final String EVENT_TIME = "event_time";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String EMAIL = "email";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String COUNTRY = "country";
  public static final String ITEMS = "items";
  public static final String PAYMENT_METHOD = "payment_method";
  public static final String IP = "ip";
  public static final String DEVICE_ID = "device_id";
  public static final String ATTRIBUTES = "attributes";
  public static final String REF_EVENT_ID = "ref_event_id";
  public static final String LABEL = "label";
  public static final String LIVE_SCORE = "live_score";
  public static final String LIVE_ACTION = "live_action";

  /** Partition column derived from {@link #EVENT_TIME} (its UTC date); not part of the input. */
  public static final String EVENT_DATE = "event_date";

  public static final List<String> ALL =
      List.of(
          CLIENT_ID,
          EVENT_ID,
          EVENT_TYPE,
          EVENT_TIME,
          CUSTOMER_ID,
          EMAIL,
          AMOUNT,
          CURRENCY,
          COUNTRY,
          ITEMS,
          PAYMENT_METHOD,
          IP,
          DEVICE_ID,
          ATTRIBUTES,
          REF_EVENT_ID,
          LABEL,
          LIVE_SCORE,
          LIVE_ACTION);

  public static final Set<String> ITEM_FIELDS = Set.of("name", "category", "price", "quantity");
  public static final Set<String> PAYMENT_FIELDS = Set.of("fingerprint", "type", "bin", "country");

  /** Event types about a customer: they must carry {@link #CUSTOMER_ID}. */
  public static final Set<String> CUSTOMER_EVENT_TYPES =
      Set.of(
          "account_created",
          "login",
          "order",
          "payment_method_added",
          "chargeback",
          "fraud_report",
          "review_decision");

  /** A client id becomes a path segment, so it is restricted to safe characters. */
  public static final Pattern CLIENT_ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public static final Pattern EVENT_TYPE_PATTERN = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  public static final Pattern CURRENCY_PATTERN = Pattern.compile("[A-Z]{3}");
  public static final Pattern COUNTRY_PATTERN = Pattern.compile("[A-Z]{2}");
  public static final int MAX_EVENT_ID_CHARS = 128;

  private EventFields() {}
}
