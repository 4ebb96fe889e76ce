package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeatureJobTest {
  private static final String CONFIG =
      """
      client_id: acme
      time_zone: America/New_York
      label: {scope: %s, delay_days: 7}
      features:
        - {entity: customer_id, aggregate: count, event_types: [order], windows: [1h, 24h]}
        - {entity: customer_id, aggregate: avg, windows: [30d]}
        - {entity: device_id, aggregate: distinct_count, of: customer_id, windows: [7d]}
        - {entity: attributes.store, aggregate: label_rate, delay: 7d, windows: [28d]}
      policy:
        global_threshold: {prevent_at: 80}
      """;
  private static final FeatureRange JUNE_1_TO_10 =
      new FeatureRange(
          LocalDate.of(2025, 6, 1),
          LocalDate.of(2025, 6, 10),
          FeatureRange.endOf(LocalDate.of(2025, 6, 15)));

  private final SparkSession spark = SharedSpark.session();
  private Path dir;

  @BeforeEach
  void setUp() {
    dir = SharedSpark.newDirectory("features");
  }

  private static List<String> baseEvents() {
    return List.of(
        event("acct-1", "account_created", "2025-06-01T10:00:00Z", "c1", null, "d1", null, null),
        event("o1", "order", "2025-06-01T12:00:00Z", "c1", 10, "d1", "s1", "US"),
        event("o2", "order", "2025-06-01T12:30:00Z", "c2", 20, "d1", "s1", "US"),
        event("o3", "order", "2025-06-01T13:00:00Z", "c1", 30, "d1", "s1", "GB"),
        label("cb1", "2025-06-03T00:00:00Z", "c1", "o1"),
        event("o4", "order", "2025-06-10T12:00:00Z", "c1", 40, "d2", "s1", "US"),
        label("cb2", "2025-06-20T00:00:00Z", "c1", "o4"));
  }

  @Test
  void everyFeatureOfAHandComputedFixture() throws IOException {
    Map<String, Row> rows = run("w", baseEvents(), "event", JUNE_1_TO_10);

    assertThat(rows.keySet()).containsExactlyInAnyOrder("o1", "o2", "o3", "o4");
    Row o1 = rows.get("o1");
    assertThat(
            values(
                o1,
                "customer.order_count_1h",
                "customer.order_count_24h",
                "customer.amount_avg_30d",
                "device.distinct_customers_7d",
                "attributes.store.fraud_rate_28d_delay7d"))
        .containsExactly(0.0, 0.0, null, 1.0, null);
    assertThat(o1.<Integer>getAs("label")).isEqualTo(1);
    assertThat(o1.<Instant>getAs("label_time")).isEqualTo(Instant.parse("2025-06-03T00:00:00Z"));
    assertThat(o1.<Boolean>getAs("label_mature")).isTrue();
    assertThat(o1.<Double>getAs("account_age_days")).isCloseTo(2 / 24.0, within(1e-9));
    // 12:00Z is 08:00 in New York (EDT); 2025-06-01 is a Sunday.
    assertThat(
            List.of(
                o1.<Integer>getAs("time.hour"),
                o1.<Integer>getAs("time.weekend"),
                o1.<Integer>getAs("time.night")))
        .containsExactly(8, 1, 0);
    assertThat(o1.<String>getAs("email_domain")).isEqualTo("example.com");
    assertThat(o1.getList(o1.fieldIndex("item_names"))).containsExactly("Champagne Brut");

    Row o2 = rows.get("o2");
    assertThat(values(o2, "customer.order_count_1h", "device.distinct_customers_7d"))
        .containsExactly(0.0, 1.0);
    assertThat(o2.<Double>getAs("account_age_days")).isNull();
    assertThat(o2.<Integer>getAs("label")).isZero();

    Row o3 = rows.get("o3");
    assertThat(
            values(
                o3,
                "customer.order_count_1h",
                "customer.order_count_24h",
                "customer.amount_avg_30d",
                "device.distinct_customers_7d"))
        .containsExactly(1.0, 1.0, 10.0, 2.0);
    assertThat(o3.<Integer>getAs("payment_country_mismatch")).isEqualTo(1);

    Row o4 = rows.get("o4");
    assertThat(
            values(
                o4,
                "customer.order_count_1h",
                "customer.order_count_24h",
                "customer.amount_avg_30d",
                "device.distinct_customers_7d",
                "attributes.store.fraud_rate_28d_delay7d"))
        .containsExactly(0.0, 0.0, 20.0, 0.0, 1.0 / 3);
    // cb2 arrives after as-of: unknown; o4 is within the 7-day label delay.
    assertThat(o4.<Integer>getAs("label")).isZero();
    assertThat(o4.<Boolean>getAs("label_mature")).isFalse();
  }

  @Test
  void customerScopeLabelsEveryDecisionEventOfTheCustomer() throws IOException {
    Map<String, Row> rows = run("w", baseEvents(), "customer", JUNE_1_TO_10);

    assertThat(rows.get("o1").<Integer>getAs("label")).isEqualTo(1);
    assertThat(rows.get("o3").<Integer>getAs("label")).isEqualTo(1);
    assertThat(rows.get("o4").<Integer>getAs("label")).isEqualTo(1);
    assertThat(rows.get("o2").<Integer>getAs("label")).isZero();
  }

  @Test
  void eventsAfterAMomentChangeNoFeatureBeforeItAndLateLabelsChangeNoLabel() throws IOException {
    Map<String, Row> before = run("a", baseEvents(), "event", JUNE_1_TO_10);
    List<String> more = new ArrayList<>(baseEvents());
    more.add(event("late-1", "order", "2025-06-05T00:00:00Z", "c1", 99, "d1", "s1", "US"));
    more.add(event("late-2", "login", "2025-06-09T00:00:00Z", "c2", null, "d1", null, null));
    more.add(label("cb-late", "2025-06-16T00:00:00Z", "c2", "o2"));
    Map<String, Row> after = run("b", more, "event", JUNE_1_TO_10);

    for (String id : List.of("o1", "o2", "o3")) {
      assertThat(after.get(id)).isEqualTo(before.get(id));
    }

    assertThat(after.get("o4")).isNotEqualTo(before.get("o4"));
  }

  @Test
  void incrementalRunsEqualOneFullRunAndRerunsChangeNothing() throws IOException {
    Path full = ingest("full", baseEvents());
    Path parts = ingest("parts", baseEvents());
    ClientConfig config = config("event");
    Instant asOf = JUNE_1_TO_10.asOf();
    job(full).run(List.of(config), JUNE_1_TO_10);
    job(parts)
        .run(
            List.of(config),
            new FeatureRange(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 5), asOf));
    job(parts)
        .run(
            List.of(config),
            new FeatureRange(LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 10), asOf));
    job(parts)
        .run(
            List.of(config),
            new FeatureRange(LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 10), asOf));

    new JavaDataFrameSuiteBase()
        .assertDataFrameNoOrderEquals(orderable(table(full)), orderable(table(parts)));
    assertThat(table(parts).count()).isEqualTo(4);
  }

  @Test
  void aOneDayRunPrunesTheEventsTableByClientAndDate() throws IOException {
    Path warehouse = ingest("pruned", baseEvents());
    FeatureRange oneDay =
        new FeatureRange(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10), JUNE_1_TO_10.asOf());

    Dataset<Row> history = job(warehouse).history(List.of(config("event")), oneDay);
    String plan = history.queryExecution().executedPlan().toString();

    assertThat(plan)
        .containsPattern("PartitionFilters: \\[.*event_date.*>= 2025-05-\\d\\d.*")
        .contains("event_date#")
        .contains("<= 2025-06-15");
    assertThat(history.filter("event_date < '2025-05-01'").count()).isZero();
  }

  @Test
  void missingEntityKeysGiveNullFeaturesAndOddPayloadsAreHandled() throws IOException {
    List<String> events = new ArrayList<>(baseEvents());
    events.add(
        EventJson.order("bare")
            .with("client_id", "acme")
            .with("customer_id", "c9")
            .with("event_time", "2025-06-02T00:00:00Z")
            .without("device_id")
            .without("attributes")
            .with("items", List.of())
            .with("email", "Zoë@BÜCHER.de")
            .json());
    List<Map<String, Object>> huge = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      huge.add(Map.of("name", "item " + i, "quantity", 1));
    }

    events.add(
        EventJson.order("huge")
            .with("client_id", "acme")
            .with("customer_id", "c9")
            .with("event_time", "2025-06-02T01:00:00Z")
            .with("items", huge)
            .json());

    Map<String, Row> rows = run("odd", events, "event", JUNE_1_TO_10);

    Row bare = rows.get("bare");
    assertThat(
            values(bare, "device.distinct_customers_7d", "attributes.store.fraud_rate_28d_delay7d"))
        .containsExactly(null, null);
    assertThat(bare.getList(bare.fieldIndex("item_names"))).isEmpty();
    assertThat(bare.<String>getAs("email_domain")).isEqualTo("bücher.de");
    assertThat(rows.get("huge").getList(rows.get("huge").fieldIndex("item_names"))).hasSize(400);
    assertThat(values(rows.get("huge"), "customer.order_count_1h")).containsExactly(1.0);
  }

  @Test
  void aRangeEndingAfterAsOfIsRejected() {
    assertThatThrownBy(
            () ->
                new FeatureRange(
                    LocalDate.of(2025, 6, 1),
                    LocalDate.of(2025, 6, 20),
                    FeatureRange.endOf(LocalDate.of(2025, 6, 15))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--to 2025-06-20 ends after --as-of");
  }

  private Map<String, Row> run(String name, List<String> events, String scope, FeatureRange range)
      throws IOException {
    Path warehouse = ingest(name, events);
    job(warehouse).run(List.of(config(scope)), range);
    Map<String, Row> rows = new HashMap<>();
    for (Row row : table(warehouse).collectAsList()) {
      rows.put(row.getAs("event_id"), row);
    }

    return rows;
  }

  private Path ingest(String name, List<String> events) throws IOException {
    Path warehouse = dir.resolve(name);
    Path file = dir.resolve(name + ".jsonl");
    Files.writeString(file, String.join("\n", events) + "\n");
    new IngestJob(spark, settings(warehouse), IngestLimits.defaults(Instant.now()))
        .run(List.of(file.toString()));
    return warehouse;
  }

  private FeatureJob job(Path warehouse) {
    return new FeatureJob(spark, settings(warehouse));
  }

  @Test
  void clientsWithTheSameValueShareOneBranchOfAPerClientExpression() throws IOException {
    List<ClientConfig> clients = new ArrayList<>();
    for (String id : List.of("acme", "bolt", "core")) {
      Path file = dir.resolve(id + ".yaml");
      Files.writeString(
          file,
          String.format(CONFIG, "event")
              .replace("acme", id)
              .replace("America/New_York", id.equals("core") ? "UTC" : "America/New_York"));
      clients.add(ClientConfigLoader.load(file));
    }

    Column zone = FeatureJob.perClient(clients, c -> lit(c.timeZone().getId()));
    List<Row> rows =
        spark
            .createDataFrame(
                List.of(
                    RowFactory.create("acme"),
                    RowFactory.create("bolt"),
                    RowFactory.create("core"),
                    RowFactory.create("other")),
                new StructType().add("client_id", DataTypes.StringType))
            .select(col("client_id"), zone)
            .collectAsList();

    assertThat(zone.expr().children().size()).as("two branches of (condition, value)").isEqualTo(4);
    assertThat(rows)
        .extracting(r -> r.getString(0) + "=" + r.getString(1))
        .containsExactly(
            "acme=America/New_York", "bolt=America/New_York", "core=UTC", "other=null");
  }

  private static SparkSettings settings(Path warehouse) {
    return new SparkSettings("local[2]", warehouse.toString(), Map.of());
  }

  private Dataset<Row> table(Path warehouse) {
    return spark.read().format("delta").load(settings(warehouse).tablePath("features"));
  }

  private ClientConfig config(String scope) throws IOException {
    Path clients = dir.resolve("clients-" + scope);
    Files.createDirectories(clients);
    Path file = clients.resolve("acme.yaml");
    Files.writeString(file, String.format(CONFIG, scope));
    return ClientConfigLoader.load(file);
  }

  /** Maps cannot be grouped and dotted names read as nested fields: make both comparable. */
  private static Dataset<Row> orderable(Dataset<Row> features) {
    Dataset<Row> flat =
        features.withColumn("attributes", functions.to_json(functions.col("attributes")));
    for (String name : flat.columns()) {
      flat = flat.withColumnRenamed(name, name.replace('.', '_'));
    }

    return flat;
  }

  private static List<Double> values(Row row, String... names) {
    List<Double> values = new ArrayList<>();
    for (String name : names) {
      values.add(row.getAs(name));
    }

    return values;
  }

  private static String event(
      String id,
      String type,
      String time,
      String customer,
      Integer amount,
      String device,
      String store,
      String paymentCountry) {
    EventJson json =
        EventJson.order(id)
            .with("event_type", type)
            .with("event_time", time)
            .with("customer_id", customer);
    if (amount == null) {
      json.without("amount").without("items").without("currency");
    } else {
      json.with("amount", amount);
    }

    json = device == null ? json.without("device_id") : json.with("device_id", device);
    json =
        store == null
            ? json.without("attributes")
            : json.with("attributes", Map.of("store", store));
    if (paymentCountry != null) {
      json.withJson(
          "payment_method", "{\"fingerprint\":\"fp\",\"country\":\"" + paymentCountry + "\"}");
    }

    return json.json();
  }

  private static String label(String id, String time, String customer, String ref) {
    return EventJson.order(id)
        .with("event_type", "chargeback")
        .with("event_time", time)
        .with("customer_id", customer)
        .with("ref_event_id", ref)
        .with("label", 1)
        .without("items")
        .without("device_id")
        .without("attributes")
        .json();
  }
}
