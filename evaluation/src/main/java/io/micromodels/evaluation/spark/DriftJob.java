package io.micromodels.evaluation.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.metrics.PopulationStability;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.spark.RowInputs;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;

/**
 * Drift of each client's test windows from a reference period ({@link Drift}), computed where the
 * rows are: the tasks turn each feature row into (client, period, variable, value) tuples (scoring
 * the production model there), Spark finds the reference deciles per client and variable and counts
 * every period's rows per bin; only the counts reach the driver.
 */
final class DriftJob {
  /** Period 0 is the reference; fold k's test window is period k. */
  static final int REFERENCE = 0;

  private static final String DECILES =
      "array(0.1D, 0.2D, 0.3D, 0.4D, 0.5D, 0.6D, 0.7D, 0.8D," + " 0.9D)";

  /** Nine deciles make ten bins, plus one for missing values. */
  private static final int BINS = 11;

  private static final StructType VALUES =
      new StructType()
          .add("client_id", DataTypes.StringType, false)
          .add("period", DataTypes.IntegerType, false)
          .add("variable", DataTypes.StringType, false)
          .add("value", DataTypes.DoubleType, true);

  private DriftJob() {}

  /**
   * What one client's drift is measured on.
   *
   * @param inputs the numeric model inputs (the client's tabular and binned micromodels' inputs)
   * @param production the production model's {@code model.json}, null without one (no score drift)
   */
  record Plan(
      String clientId,
      Instant referenceStart,
      Instant referenceEnd,
      String reference,
      FoldLayout layout,
      List<String> inputs,
      String production)
      implements Serializable {
    /** The production model's training window, or else the first fold's. */
    static Plan of(ClientConfig config, FoldLayout layout, ClientModel production) {
      Instant start =
          production == null ? layout.firstTrainStart() : production.training().windowStart();
      Instant end =
          production == null ? layout.folds().get(0).trainEnd() : production.training().windowEnd();
      List<String> inputs =
          config.micromodels().stream()
              .filter(MicromodelSpec::readsNumericColumns)
              .flatMap(m -> m.inputs().stream())
              .distinct()
              .toList();
      return new Plan(
          config.clientId().value(),
          start,
          end,
          (production == null
                  ? "the first fold's training window ["
                  : "the production model's training window [")
              + start
              + ", "
              + end
              + ")",
          layout,
          inputs,
          production == null ? null : ModelFormat.toJson(production));
    }

    /** The event's period, or -1 outside the reference and every test window. */
    int period(Instant eventTime) {
      if (!eventTime.isBefore(referenceStart) && eventTime.isBefore(referenceEnd)) {
        return REFERENCE;
      }

      return layout.testing(eventTime).map(f -> f.index()).orElse(-1);
    }
  }

  static Map<String, Drift> measure(
      SparkSession spark,
      Dataset<Row> features,
      List<ClientConfig> clients,
      Map<String, Plan> plans) {
    List<ClientConfig> measured =
        clients.stream().filter(c -> plans.containsKey(c.clientId().value())).toList();
    if (measured.isEmpty()) {
      return Map.of();
    }

    Broadcast<Map<String, Plan>> shipped =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Map.copyOf(plans));
    Dataset<Row> values =
        features
            .filter(
                FeatureJob.perClient(
                    measured,
                    c -> {
                      Plan p = plans.get(c.clientId().value());
                      return col("event_time")
                          .geq(lit(p.referenceStart()))
                          .and(col("event_time").lt(lit(p.referenceEnd())))
                          .or(
                              col("event_time")
                                  .geq(lit(p.layout().testStart()))
                                  .and(col("event_time").lt(lit(p.layout().testEnd()))));
                    }))
            .mapPartitions(new Values(shipped), Encoders.row(VALUES))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> edges =
          values
              .filter(col("period").equalTo(REFERENCE).and(col("value").isNotNull()))
              .groupBy("client_id", "variable")
              .agg(expr("percentile_approx(value, " + DECILES + ", 10000)").as("edges"));
      List<Row> counts =
          values
              .join(
                  broadcast(edges),
                  JavaConverters.asScalaBuffer(List.of("client_id", "variable")).toSeq(),
                  "left")
              .withColumn(
                  "bin",
                  expr(
                      "CASE WHEN value IS NULL THEN -1 WHEN edges IS NULL THEN 0"
                          + " ELSE size(filter(edges, e -> e <= value)) END"))
              .groupBy("client_id", "variable", "period", "bin")
              .count()
              .collectAsList();
      return drift(plans, counts);
    } finally {
      values.unpersist();
      shipped.destroy();
    }
  }

  /** Each client's indices from the (client, variable, period, bin, count) rows. */
  private static Map<String, Drift> drift(Map<String, Plan> plans, List<Row> counts) {
    Map<String, Map<String, Map<Integer, long[]>>> histograms = new HashMap<>();
    for (Row r : counts) {
      histograms
              .computeIfAbsent(r.getString(0), k -> new HashMap<>())
              .computeIfAbsent(r.getString(1), k -> new HashMap<>())
              .computeIfAbsent(r.getInt(2), k -> new long[BINS])[r.getInt(3) + 1] +=
          r.getLong(4);
    }

    Map<String, Drift> out = new LinkedHashMap<>();
    plans.forEach(
        (id, plan) -> {
          Map<String, Map<Integer, long[]>> client = histograms.getOrDefault(id, Map.of());
          List<Drift.Variable> variables = new ArrayList<>();
          for (String name : variables(plan)) {
            Map<Integer, long[]> periods = client.getOrDefault(name, Map.of());
            long[] reference = periods.getOrDefault(REFERENCE, new long[BINS]);
            List<Double> psi = new ArrayList<>();
            plan.layout()
                .folds()
                .forEach(
                    f ->
                        psi.add(
                            PopulationStability.psi(
                                reference, periods.getOrDefault(f.index(), new long[BINS]))));
            variables.add(new Drift.Variable(name, psi));
          }

          out.put(id, new Drift(plan.reference(), variables));
        });
    return out;
  }

  private static List<String> variables(Plan plan) {
    List<String> names = new ArrayList<>();
    if (plan.production() != null) {
      names.add(Drift.SCORE);
    }

    names.addAll(plan.inputs());
    return names;
  }

  /** Feature rows to (client, period, variable, value), the production model scored here. */
  private static final class Values implements MapPartitionsFunction<Row, Row> {
    private final Broadcast<Map<String, Plan>> plans;

    Values(Broadcast<Map<String, Plan>> plans) {
      this.plans = plans;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Map<String, Plan> plans = this.plans.value();
      Map<String, Scorer> scorers = new HashMap<>();
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        String client = row.getString(row.fieldIndex("client_id"));
        Plan plan = plans.get(client);
        int period = plan == null ? -1 : plan.period(row.<Instant>getAs("event_time"));
        if (period < 0) {
          continue;
        }

        ModelInput input = RowInputs.of(row);
        if (plan.production() != null) {
          Scorer scorer =
              scorers.computeIfAbsent(
                  client,
                  id ->
                      new Scorer(
                          ModelFormat.fromJson(plan.production(), id + " production model")));
          out.add(RowFactory.create(client, period, Drift.SCORE, scorer.score(input).score()));
        }

        for (String name : plan.inputs()) {
          out.add(RowFactory.create(client, period, name, input.number(name)));
        }
      }

      return out.iterator();
    }
  }
}
