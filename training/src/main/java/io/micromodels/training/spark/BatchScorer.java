package io.micromodels.training.spark;

import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Scores feature rows in Spark through the same {@link Scorer} a live service embeds: each task
 * reads the clients' {@code model.json} texts once and scores its rows ({@code micromodels score};
 * equal to the scorer's JSON Lines path on the same rows, ScorePathsParityTest).
 */
public final class BatchScorer {
  public static final StructType SCORES =
      new StructType()
          .add("client_id", DataTypes.StringType)
          .add("event_id", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("probability", DataTypes.DoubleType)
          .add("action", DataTypes.StringType)
          .add(
              "contributions",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false))
          .add("event_time", DataTypes.TimestampType);

  private BatchScorer() {}

  /**
   * One row per feature row of a client with a model: client, event, score, probability, action,
   * contributions (each combiner input's share of the log-odds) and the event's time (null when the
   * rows have no {@code event_time}).
   *
   * @param models client id to its {@code model.json} text
   */
  public static Dataset<Row> score(Dataset<Row> features, Map<String, String> models) {
    Map<String, String> shipped = Map.copyOf(models);
    boolean timed = java.util.Arrays.asList(features.columns()).contains("event_time");
    return features.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            partition -> {
              Map<String, Scorer> scorers = new HashMap<>();
              List<Row> out = new ArrayList<>();
              while (partition.hasNext()) {
                Row row = partition.next();
                String client = row.getString(row.fieldIndex("client_id"));
                if (!shipped.containsKey(client)) {
                  continue;
                }

                Scorer scorer =
                    scorers.computeIfAbsent(
                        client,
                        id -> new Scorer(ModelFormat.fromJson(shipped.get(id), "model of " + id)));
                ScoreResult result = scorer.score(RowInputs.of(row));
                out.add(
                    RowFactory.create(
                        client,
                        row.getString(row.fieldIndex("event_id")),
                        result.score(),
                        result.probability(),
                        result.action().name(),
                        JavaConverters.mapAsScalaMap(result.contributions()),
                        timed ? row.<java.time.Instant>getAs("event_time") : null));
              }

              return out.iterator();
            },
        Encoders.row(SCORES));
  }
}
