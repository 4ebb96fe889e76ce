package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.*;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.NightHours;
import io.micromodels.features.history.TimeFeatures;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Assembles the rows of the {@code features} table from decision events and feature values. */
final class FeatureRows {
  /** One feature value: its column name and value (null when the aggregate has none). */
  static final StructType ENTRY =
      EventSchema.struct(
          EventSchema.field("feature", DataTypes.StringType),
          EventSchema.field("value", DataTypes.DoubleType));

  /**
   * One entity stream's feature values of one decision event. One row per event and stream rather
   * than per event and feature: the rows are grouped by event afterwards, and Spark groups them by
   * sorting on the event id (a million distinct keys leave its hash aggregation at once), so every
   * row less is a row fewer to sort.
   */
  static final StructType VALUE_SCHEMA =
      EventSchema.struct(
          EventSchema.field("client_id", DataTypes.StringType),
          EventSchema.field("event_id", DataTypes.StringType),
          EventSchema.field("entries", DataTypes.createArrayType(ENTRY, false)));

  private static final StructType TIME =
      EventSchema.struct(
          EventSchema.field("hour", DataTypes.IntegerType),
          EventSchema.field("weekend", DataTypes.IntegerType),
          EventSchema.field("night", DataTypes.IntegerType));

  /** The plain-Java time features, so batch and live scoring share one implementation. */
  private static final UserDefinedFunction TIME_FEATURES =
      udf(
          (UDF4<Instant, String, Integer, Integer, Row>)
              (time, zone, nightFrom, nightTo) -> {
                TimeFeatures t =
                    TimeFeatures.of(time, ZoneId.of(zone), new NightHours(nightFrom, nightTo));
                return RowFactory.create(t.hour(), t.weekend(), t.night());
              },
          TIME);

  private FeatureRows() {}

  static Dataset<Row> assemble(
      List<ClientConfig> clients,
      Dataset<Row> decisions,
      Dataset<Row> values,
      Dataset<Row> accountCreated,
      FeatureRange range) {
    Dataset<Row> perEvent =
        values
            .groupBy("client_id", "event_id")
            .agg(map_from_entries(flatten(collect_list(col("entries")))).alias("feature_values"));
    Dataset<Row> joined =
        decisions
            .join(perEvent, FeatureJob.scala(List.of("client_id", "event_id")), "left")
            .join(accountCreated, FeatureJob.scala(List.of("client_id", "customer_id")), "left")
            .withColumn(
                "time",
                TIME_FEATURES.apply(
                    col("event_time"),
                    FeatureJob.perClient(clients, c -> lit(c.timeZone().getId())),
                    FeatureJob.perClient(clients, c -> lit(c.nightHours().from())),
                    FeatureJob.perClient(clients, c -> lit(c.nightHours().to()))));
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col("client_id"),
                col("event_id"),
                col("customer_id"),
                col("event_time"),
                col("event_date"),
                col("event_type"),
                col("email"),
                EntityColumns.emailDomain().alias("email_domain"),
                col("amount"),
                col("currency"),
                col("country"),
                expr("transform(items, i -> i.name)").alias("item_names"),
                expr("transform(items, i -> i.category)").alias("item_categories"),
                col("payment_method.country").alias("payment_country"),
                when(col("payment_method.country").isNull().or(col("country").isNull()), lit(null))
                    .otherwise(col("payment_method.country").notEqual(col("country")).cast("int"))
                    .alias("payment_country_mismatch"),
                col("ip"),
                col("device_id"),
                col("attributes"),
                col("live_score"),
                col("live_action"),
                col("time.hour").alias("time.hour"),
                col("time.weekend").alias("time.weekend"),
                col("time.night").alias("time.night"),
                when(
                        col("account_created_time").lt(col("event_time")),
                        expr(
                            "(unix_micros(event_time) - unix_micros(account_created_time)) / 86400000000D"))
                    .alias("account_age_days")));
    for (String name : featureColumns(clients)) {
      columns.add(element_at(col("feature_values"), lit(name)).alias(name));
    }

    columns.add(when(col("fraud_label_time").isNotNull(), 1).otherwise(0).alias("label"));
    columns.add(col("fraud_label_time").alias("label_time"));
    columns.add(
        col("event_time")
            .leq(
                FeatureJob.perClient(
                    clients,
                    c -> lit(range.asOf().minus(java.time.Duration.ofDays(c.label().delayDays())))))
            .alias("label_mature"));
    columns.add(lit(range.asOf()).alias("as_of"));
    return joined.select(columns.toArray(Column[]::new));
  }

  /** The union of the clients' feature columns, in declaration order. */
  static List<String> featureColumns(List<ClientConfig> clients) {
    Set<String> names = new LinkedHashSet<>();
    clients.forEach(c -> names.addAll(c.featureColumns()));
    return List.copyOf(names);
  }
}
