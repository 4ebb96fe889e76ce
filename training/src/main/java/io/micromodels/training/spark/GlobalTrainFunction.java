package io.micromodels.training.spark;

import io.micromodels.features.EventFields;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.train.GlobalModel;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import io.micromodels.training.train.ModelPlan;
import io.micromodels.training.train.ModelTrainer;
import io.micromodels.training.train.TrainingException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Trains the global model inside one task on the pooled rows of one partition (the train job
 * coalesces them to one), with LIBLINEAR, as {@link ClientTrainFunction} trains a client. The
 * driver gets the model as JSON, or the reason it could not be trained.
 */
final class GlobalTrainFunction implements MapPartitionsFunction<Row, GlobalTrainFunction.Outcome> {
  private final ModelPlan plan;

  GlobalTrainFunction(ModelPlan plan) {
    this.plan = plan;
  }

  /**
   * The global model's JSON, or the training failure's message (exactly one is set). Public for
   * Spark's encoder.
   */
  public record Outcome(String modelJson, String failure) implements Serializable {}

  @Override
  public Iterator<Outcome> call(Iterator<Row> partition) {
    List<Row> arrived = new ArrayList<>();
    partition.forEachRemaining(arrived::add);
    // client, then event id: the same rows give the same model whatever order they arrive in
    // (see ClientTrainFunction)
    arrived.sort(
        Comparator.comparing((Row row) -> row.<String>getAs(EventFields.CLIENT_ID))
            .thenComparing(row -> row.<String>getAs(EventFields.EVENT_ID)));
    List<LabelledRow> rows =
        new ArrayList<>(
            arrived.stream().map(row -> TrainingColumns.labelled(row, List.of())).toList());
    try {
      ModelTrainer.Result result =
          ModelTrainer.train(
              plan, new LocalRows(rows, LiblinearSolver.create(), "liblinear"), Map.of());
      GlobalModel global = new GlobalModel(result.scoring(), result.outOfFold());
      return List.of(new Outcome(ModelFormat.render(global), null)).iterator();
    } catch (TrainingException | IllegalArgumentException | IllegalStateException e) {
      return List.of(new Outcome(null, e.getMessage())).iterator();
    }
  }
}
