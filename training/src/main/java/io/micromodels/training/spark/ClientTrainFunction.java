package io.micromodels.training.spark;

import io.micromodels.features.EventFields;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.GlobalModel;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Trains one client inside one Spark task: its rows in memory (sampled when above its row cap,
 * {@link RowCapSample}), LIBLINEAR, no Spark job per model. Its champion comes cogrouped with its
 * rows, so a task receives only its own clients' champions. The model is written from the task; the
 * driver gets the outcome only.
 */
final class ClientTrainFunction
    implements CoGroupFunction<String, Row, Tuple2<String, String>, ClientOutcome> {
  private final Map<String, ClientSpec> specs;
  private final String globalJson;
  private final Map<String, Double> genuineSampleRates;
  private final String outDir;

  /** Parsed once per task: a task trains hundreds of clients, each parse read megabytes. */
  private transient GlobalModel global;

  /**
   * @param genuineSampleRates the rate of each sampled client (clients absent were not sampled)
   */
  ClientTrainFunction(
      Map<String, ClientSpec> specs,
      String globalJson,
      Map<String, Double> genuineSampleRates,
      String outDir) {
    this.specs = Map.copyOf(specs);
    this.globalJson = globalJson;
    this.genuineSampleRates = Map.copyOf(genuineSampleRates);
    this.outDir = outDir;
  }

  /**
   * @param champion the client's champion as (client id, model JSON), or nothing
   */
  @Override
  public Iterator<ClientOutcome> call(
      String clientId, Iterator<Row> partition, Iterator<Tuple2<String, String>> champion) {
    if (!partition.hasNext()) {
      // a champion whose client has no rows in its window: ordered() reports the client
      return Collections.emptyIterator();
    }

    // A group's rows arrive in shuffle-fetch order, which changes with the partitioning, the
    // executors and from run to run; LIBLINEAR's solution depends on the row order within its
    // tolerance. In event-id order the same rows give the same model on any cluster
    // (docs/reliability.md, "Real standalone cluster").
    List<Row> arrived = new ArrayList<>();
    partition.forEachRemaining(arrived::add);
    arrived.sort(Comparator.comparing(row -> row.<String>getAs(EventFields.EVENT_ID)));
    List<LabelledRow> rows =
        new ArrayList<>(
            arrived.stream().map(row -> TrainingColumns.labelled(row, List.of())).toList());
    LocalRows local =
        new LocalRows(
            rows,
            LiblinearSolver.create(),
            "liblinear",
            genuineSampleRates.getOrDefault(clientId, 1.0));
    ClientModel championModel =
        champion.hasNext()
            ? ModelFormat.fromJson(champion.next()._2(), "champion of " + clientId)
            : null;
    return List.of(TrainJob.trainOne(specs.get(clientId), local, global(), championModel, outDir))
        .iterator();
  }

  private GlobalModel global() {
    if (global == null && globalJson != null) {
      global = ModelFormat.parse(globalJson, GlobalModel.class);
    }

    return global;
  }
}
