package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.*;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.FeatureSpec;
import io.micromodels.features.config.LabelSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the {@code features} table (DESIGN.md §3.3) for some clients and a date range: one row per
 * decision event with its keys, raw inputs, time features, declared aggregates and its label as of
 * {@code asOf}. Reads only the partitions it needs (the range plus the longest look-back) and
 * replaces exactly the partitions of the range, so a rerun gives the same table and consecutive
 * incremental runs equal one run over their union.
 *
 * <p>Aggregates run per entity: events are partitioned by (client, entity key), sorted by (time,
 * event id) and streamed through {@link io.micromodels.features.history.EntityTimeline}, which is
 * linear in an entity's events, so a hot entity costs one task time proportional to its events
 * rather than a quadratic self-join.
 */
public final class FeatureJob {
  public static final String FEATURES_TABLE = "features";

  /** How far back sign-ups are looked for to compute account age. */
  public static final int ACCOUNT_AGE_LOOKBACK_DAYS = 365;

  /** The most fraud labels joined by broadcast: ~50 MB at ~50 B a label. */
  static final long BROADCAST_LABELS = 1_000_000;

  private final SparkSession spark;
  private final SparkSettings settings;

  public FeatureJob(SparkSession spark, SparkSettings settings) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Builds and writes the range's feature rows; returns rows written per client. */
  public Map<String, Long> run(List<ClientConfig> clients, FeatureRange range) {
    Dataset<Row> rows = build(clients, range);
    List<String> ids = clients.stream().map(c -> c.clientId().value()).toList();
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("mergeSchema", "true")
        .option("replaceWhere", replaced(ids, range))
        .partitionBy("client_id", "event_date")
        .save(settings.tablePath(FEATURES_TABLE));
    Map<String, Long> counts = new LinkedHashMap<>();
    ids.forEach(id -> counts.put(id, 0L));
    spark
        .read()
        .format("delta")
        .load(settings.tablePath(FEATURES_TABLE))
        .where(replaced(ids, range))
        .groupBy("client_id")
        .count()
        .collectAsList()
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }

  /** The feature rows of a range, not yet written. */
  public Dataset<Row> build(List<ClientConfig> clients, FeatureRange range) {
    Dataset<Row> history =
        labelled(clients, history(clients, range), range).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> decisions =
        history.filter(col("decision").and(col("event_time").geq(lit(range.fromInstant()))));
    Dataset<Row> features = entityFeatures(clients, history, range);
    return FeatureRows.assemble(
        clients, decisions, features, accountCreated(clients, range), range);
  }

  /** Events the range needs, read with partition pruning on client and date. */
  Dataset<Row> history(List<ClientConfig> clients, FeatureRange range) {
    LocalDate readFrom = range.from().minusDays(lookbackDays(clients));
    LocalDate readTo = range.asOf().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    return events(clients, readFrom, readTo)
        .withColumn(
            "decision",
            perClient(clients, c -> col("event_type").isin(c.decisionEventTypes().toArray())));
  }

  /** The clients' events dated {@code from..to} (UTC), read with partition pruning. */
  Dataset<Row> events(List<ClientConfig> clients, LocalDate from, LocalDate to) {
    Object[] ids = clients.stream().map(c -> c.clientId().value()).toArray();
    return spark
        .read()
        .format("delta")
        .load(settings.tablePath(IngestJob.EVENTS_TABLE))
        .where(
            col("client_id")
                .isin(ids)
                .and(col("event_date").geq(lit(from)))
                .and(col("event_date").leq(lit(to))));
  }

  /**
   * Adds {@code fraud_label_time}: when a fraud label for the row became known, as of asOf. The
   * labels are joined by broadcast up to {@value #BROADCAST_LABELS} of them, by shuffle beyond:
   * they grow with the traffic (2-3 % of the events), and a broadcast stops at Spark's 8 GB, while
   * a shuffle join of small labels would cost the history's scan partitioning.
   */
  private static Dataset<Row> labelled(
      List<ClientConfig> clients, Dataset<Row> events, FeatureRange range) {
    Dataset<Row> fraud =
        events
            .filter(
                perClient(clients, FeatureJob::isFraudLabel)
                    .and(col("event_time").leq(lit(range.asOf()))))
            .select("client_id", "event_time", "ref_event_id", "customer_id");
    // one more scan of the label rows' columns, to choose the join before it is planned
    boolean broadcastLabels = fraud.count() <= BROADCAST_LABELS;
    Dataset<Row> byEvent =
        fraud
            .filter(col("ref_event_id").isNotNull())
            .groupBy(col("client_id"), col("ref_event_id").alias("event_id"))
            .agg(min("event_time").alias("event_label_time"));
    Dataset<Row> byCustomer =
        fraud
            .filter(col("customer_id").isNotNull())
            .groupBy("client_id", "customer_id")
            .agg(min("event_time").alias("customer_label_time"));
    Column customerScope =
        perClient(clients, c -> lit(c.label().scope() == LabelSpec.Scope.CUSTOMER));
    Dataset<Row> history =
        events
            .filter(col("event_time").lt(lit(range.untilInstant())))
            .join(
                broadcastLabels ? broadcast(byEvent) : byEvent,
                scala(List.of("client_id", "event_id")),
                "left")
            .join(
                broadcastLabels ? broadcast(byCustomer) : byCustomer,
                scala(List.of("client_id", "customer_id")),
                "left");
    return history
        .withColumn(
            "fraud_label_time",
            when(col("decision").and(customerScope), col("customer_label_time"))
                .when(col("decision"), col("event_label_time")))
        .drop("event_label_time", "customer_label_time");
  }

  /** A fraud label of the client: {@code label = 1}, or no label on a type that means fraud. */
  static Column isFraudLabel(ClientConfig client) {
    LabelSpec label = client.label();
    return col("event_type")
        .isin(label.eventTypes().toArray())
        .and(
            col("label")
                .equalTo(1)
                .or(
                    col("label")
                        .isNull()
                        .and(col("event_type").isin(label.fraudWithoutLabel().toArray()))));
  }

  private Dataset<Row> entityFeatures(
      List<ClientConfig> clients, Dataset<Row> history, FeatureRange range) {
    Set<String> entities = new LinkedHashSet<>();
    clients.forEach(c -> c.features().forEach(f -> entities.add(f.entity())));
    Dataset<Row> all = spark.createDataFrame(List.of(), FeatureRows.VALUE_SCHEMA);
    for (String entity : entities) {
      all = all.unionByName(entityStream(clients, history, range, entity));
    }

    return all;
  }

  private static Dataset<Row> entityStream(
      List<ClientConfig> clients, Dataset<Row> history, FeatureRange range, String entity) {
    Map<String, List<FeatureSpec>> specs = new LinkedHashMap<>();
    Map<String, Set<String>> decisionTypes = new LinkedHashMap<>();
    Set<String> valueColumns = new LinkedHashSet<>();
    for (ClientConfig c : clients) {
      List<FeatureSpec> own = c.features().stream().filter(f -> f.entity().equals(entity)).toList();
      if (!own.isEmpty()) {
        specs.put(c.clientId().value(), own);
        decisionTypes.put(c.clientId().value(), new HashSet<>(c.decisionEventTypes()));
        own.stream().filter(f -> f.of() != null).forEach(f -> valueColumns.add(f.of()));
      }
    }

    List<Column> columns =
        new ArrayList<>(
            List.of(
                col("client_id"),
                EntityColumns.of(entity).alias("entity_key"),
                expr("unix_micros(event_time)").alias("time_micros"),
                col("event_id"),
                col("event_type"),
                col("decision"),
                col("amount").cast("double").alias("amount"),
                expr("unix_micros(fraud_label_time)").alias("fraud_label_micros")));
    valueColumns.forEach(v -> columns.add(EntityColumns.of(v).alias("value_" + columns.size())));
    EntityFeatureFunction function =
        new EntityFeatureFunction(
            specs,
            decisionTypes,
            List.copyOf(valueColumns),
            EntityFeatureFunction.micros(range.fromInstant()),
            EntityFeatureFunction.micros(range.untilInstant()));
    return history
        .filter(col("client_id").isin(specs.keySet().toArray()))
        .select(columns.toArray(Column[]::new))
        .filter(col("entity_key").isNotNull())
        .repartition(col("client_id"), col("entity_key"))
        .sortWithinPartitions("client_id", "entity_key", "time_micros", "event_id")
        .mapPartitions(function, Encoders.row(FeatureRows.VALUE_SCHEMA));
  }

  /** First sign-up per customer within a year before the range. */
  private Dataset<Row> accountCreated(List<ClientConfig> clients, FeatureRange range) {
    return events(clients, range.from().minusDays(ACCOUNT_AGE_LOOKBACK_DAYS), range.to())
        .filter(col("event_type").equalTo("account_created").and(col("customer_id").isNotNull()))
        .groupBy("client_id", "customer_id")
        .agg(min("event_time").alias("account_created_time"));
  }

  /** Days of history a range needs: longest window plus its label delay, plus a day. */
  static long lookbackDays(List<ClientConfig> clients) {
    Duration longest = Duration.ZERO;
    for (ClientConfig c : clients) {
      for (FeatureSpec f : c.features()) {
        for (var w : f.windows()) {
          Duration need = w.length().plus(f.delay());
          longest = need.compareTo(longest) > 0 ? need : longest;
        }
      }
    }

    return (longest.getSeconds() + 86_399) / 86_400 + 1;
  }

  /**
   * A per-client expression: {@code CASE WHEN client_id IN (a, b) THEN f(a) ... END}, clients with
   * equal values sharing one branch (null for clients not listed). One branch per client made the
   * plan grow with the number of clients, and Spark's analyzer took minutes on a thousand clients;
   * clients mostly share their settings.
   */
  public static Column perClient(List<ClientConfig> clients, Function<ClientConfig, Column> value) {
    Map<Column, List<String>> byValue = new LinkedHashMap<>();
    for (ClientConfig c : clients) {
      byValue.computeIfAbsent(value.apply(c), v -> new ArrayList<>()).add(c.clientId().value());
    }

    Column result = null;
    for (Map.Entry<Column, List<String>> e : byValue.entrySet()) {
      Column when = col("client_id").isin(e.getValue().toArray());
      result = result == null ? when(when, e.getKey()) : result.when(when, e.getKey());
    }

    return result;
  }

  private static String replaced(List<String> ids, FeatureRange range) {
    return "client_id IN ('"
        + String.join("', '", ids)
        + "') AND event_date >= '"
        + range.from()
        + "' AND event_date <= '"
        + range.to()
        + "'";
  }

  static scala.collection.Seq<String> scala(List<String> names) {
    return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
  }
}
