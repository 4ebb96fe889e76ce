package io.micromodels.training.spark;

import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Scores feature-table rows with one {@code model.json} inside the tasks, through the same
 * {@link Scorer} and row conversion ({@link RowInputs}) as the backtests: the batch path of
 * {@code micromodels score}, equal to the live scorer on the same rows (ScorePathsParityTest).
 */
public final class BatchScore {
  /** What each scored event gets. */
  public static final StructType SCHEMA = new StructType()
      .add("client_id", DataTypes.StringType, false)
      .add("event_id", DataTypes.StringType, false)
      .add("event_time", DataTypes.TimestampType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("probability", DataTypes.DoubleType, false)
      .add("action", DataTypes.StringType, false)
      .add("contributions", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType,
          false), false);

  private BatchScore() {}

  /**
   * Each row's score, probability, action and contributions by the model.
   *
   * @param origin where the model came from, for errors
   */
  public static Dataset<Row> score(Dataset<Row> featureRows, String modelJson, String origin) {
    ModelFormat.fromJson(modelJson, origin); // a bad model is refused here, not in a task
    return featureRows.mapPartitions(new ScoreRows(modelJson, origin), Encoders.row(SCHEMA));
  }

  private static final class ScoreRows implements MapPartitionsFunction<Row, Row> {
    private final String modelJson;
    private final String origin;

    ScoreRows(String modelJson, String origin) {
      this.modelJson = modelJson;
      this.origin = origin;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Scorer scorer = new Scorer(ModelFormat.fromJson(modelJson, origin));
      List<Row> out = new ArrayList<>();
      rows.forEachRemaining(row -> {
        ScoreResult result = scorer.score(RowInputs.of(row));
        out.add(RowFactory.create(row.getString(row.fieldIndex("client_id")),
            row.getString(row.fieldIndex("event_id")), row.<Instant>getAs("event_time"),
            result.score(), result.probability(), result.action().name(),
            JavaConverters.mapAsScalaMap(result.contributions())));
      });
      return out.iterator();
    }
  }
}
