package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.LabelSpec;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Accounts for every label event a feature build could use: those of each client's label types that
 * arrived in the range (from its first day to its as-of), each counted once under what became of
 * it, so a label that cannot be used is reported with its reason, never dropped silently (DESIGN.md
 * §3.2).
 */
public final class LabelAccounting {
  /** How far before the range a label's decision event is looked for. */
  static final int DECISION_LOOKBACK_DAYS = LabelSpec.MAX_DELAY_DAYS;

  /** What became of a label event. */
  public enum Use {
    USED("fraud label on a decision event of the range"),
    GENUINE("genuine (label = 0)"),
    NO_VERDICT("no `label` on a type that needs one (label.fraud_without_label)"),
    EARLIER_DECISION("its decision event is before the range (a build of that day uses it)"),
    LATER_DECISION("its decision event is after the range"),
    NO_REFERENCE("no ref_event_id (label.scope: event)"),
    NO_CUSTOMER_DECISION("label.scope customer: its customer has no decision event in the range"),
    NO_DECISION_EVENT(
        "no decision event with its ref_event_id within "
            + DECISION_LOOKBACK_DAYS
            + " days before the range");

    private final String reason;

    Use(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }

    /** Whether the label carries information the build could not use. */
    public boolean isLost() {
      return this == NO_REFERENCE || this == NO_DECISION_EVENT;
    }
  }

  /** One client's label events by what became of them. */
  public record LabelUsage(String clientId, Map<Use, Long> counts) {
    public LabelUsage {
      counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public long count(Use use) {
      return counts.getOrDefault(use, 0L);
    }

    /** "120 used; 3 lost: 2 no decision event with its ref_event_id …; 30 genuine …". */
    public String describe() {
      StringBuilder text = new StringBuilder(clientId + ": " + count(Use.USED) + " used");
      counts.forEach(
          (use, n) -> {
            if (use != Use.USED && n > 0) {
              text.append(use.isLost() ? "; LOST " : "; ")
                  .append(n)
                  .append(' ')
                  .append(use.reason());
            }
          });
      return text.toString();
    }
  }

  private LabelAccounting() {}

  /** Every selected client's label events of the range, counted by use; clients without any: 0. */
  public static List<LabelUsage> of(
      SparkSession spark, SparkSettings settings, List<ClientConfig> clients, FeatureRange range) {
    Dataset<Row> events =
        new FeatureJob(spark, settings)
            .events(
                clients,
                range.from().minusDays(DECISION_LOOKBACK_DAYS),
                range.asOf().atZone(ZoneOffset.UTC).toLocalDate());
    Dataset<Row> labels =
        events
            .filter(
                FeatureJob.perClient(
                        clients, c -> col("event_type").isin(c.label().eventTypes().toArray()))
                    .and(col("event_time").geq(lit(range.fromInstant())))
                    .and(col("event_time").leq(lit(range.asOf()))))
            .select(
                col("client_id"),
                col("ref_event_id"),
                col("customer_id"),
                col("event_type"),
                col("label"),
                FeatureJob.perClient(clients, FeatureJob::isFraudLabel).alias("fraud"),
                FeatureJob.perClient(
                        clients, c -> lit(c.label().scope() == LabelSpec.Scope.CUSTOMER))
                    .alias("by_customer"));
    Dataset<Row> decisions =
        events.filter(
            FeatureJob.perClient(
                clients, c -> col("event_type").isin(c.decisionEventTypes().toArray())));
    Dataset<Row> byEvent =
        decisions.select(
            col("client_id").alias("d_client"),
            col("event_id").alias("d_event"),
            col("event_time").alias("decision_time"));
    Dataset<Row> customersInRange =
        decisions
            .filter(
                col("event_time")
                    .geq(lit(range.fromInstant()))
                    .and(col("event_time").lt(lit(range.untilInstant()))))
            .select(col("client_id").alias("c_client"), col("customer_id").alias("c_customer"))
            .distinct()
            .withColumn("customer_in_range", lit(true));
    Dataset<Row> joined =
        labels
            .join(
                byEvent,
                col("client_id")
                    .equalTo(col("d_client"))
                    .and(col("ref_event_id").equalTo(col("d_event"))),
                "left")
            .join(
                customersInRange,
                col("client_id")
                    .equalTo(col("c_client"))
                    .and(col("customer_id").equalTo(col("c_customer"))),
                "left");
    Map<String, Map<Use, Long>> counts = new LinkedHashMap<>();
    clients.forEach(c -> counts.put(c.clientId().value(), new TreeMap<>()));
    joined
        .groupBy(col("client_id"), use(range).alias("use"))
        .count()
        .collectAsList()
        .forEach(r -> counts.get(r.getString(0)).put(Use.valueOf(r.getString(1)), r.getLong(2)));
    return counts.entrySet().stream().map(e -> new LabelUsage(e.getKey(), e.getValue())).toList();
  }

  private static Column use(FeatureRange range) {
    Column decision = col("decision_time");
    return when(
            col("fraud").isNull().or(col("fraud").equalTo(false)),
            when(col("label").equalTo(0), lit(Use.GENUINE.name()))
                .otherwise(lit(Use.NO_VERDICT.name())))
        .when(
            col("by_customer"),
            when(col("customer_in_range"), lit(Use.USED.name()))
                .otherwise(lit(Use.NO_CUSTOMER_DECISION.name())))
        .when(col("ref_event_id").isNull(), lit(Use.NO_REFERENCE.name()))
        .when(decision.isNull(), lit(Use.NO_DECISION_EVENT.name()))
        .when(decision.lt(lit(range.fromInstant())), lit(Use.EARLIER_DECISION.name()))
        .when(decision.geq(lit(range.untilInstant())), lit(Use.LATER_DECISION.name()))
        .otherwise(lit(Use.USED.name()));
  }
}
