package io.micromodels.training.spark;

import io.micromodels.features.EventFields;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.GlobalModel;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

/**
 * Trains one client inside one Spark task: its rows in memory, LIBLINEAR, no Spark job per
 * model. The model is written from the task; the driver gets the outcome only.
 */
final class ClientTrainFunction implements FlatMapGroupsFunction<String, Row, ClientOutcome> {
  private final Map<String, ClientSpec> specs;
  private final String globalJson;
  private final Map<String, String> championJsons;
  private final String outDir;
  /** Parsed once per task: a task trains hundreds of clients, each parse read megabytes. */
  private transient GlobalModel global;

  ClientTrainFunction(Map<String, ClientSpec> specs, String globalJson,
      Map<String, String> championJsons, String outDir) {
    this.specs = Map.copyOf(specs);
    this.globalJson = globalJson;
    this.championJsons = Map.copyOf(championJsons);
    this.outDir = outDir;
  }

  @Override
  public Iterator<ClientOutcome> call(String clientId, Iterator<Row> partition) {
    // A group's rows arrive in shuffle-fetch order, which changes with the partitioning, the
    // executors and from run to run; LIBLINEAR's solution depends on the row order within its
    // tolerance. In event-id order the same rows give the same model on any cluster
    // (docs/reliability.md, "Real standalone cluster").
    List<Row> arrived = new ArrayList<>();
    partition.forEachRemaining(arrived::add);
    arrived.sort(Comparator.comparing(row -> row.<String>getAs(EventFields.EVENT_ID)));
    List<LabelledRow> rows = new ArrayList<>(arrived.stream()
        .map(row -> TrainingColumns.labelled(row, List.of())).toList());
    LocalRows local = new LocalRows(rows, LiblinearSolver.create(), "liblinear");
    String championJson = championJsons.get(clientId);
    ClientModel champion = championJson == null ? null
        : ModelFormat.fromJson(championJson, "champion of " + clientId);
    return List.of(TrainJob.trainOne(specs.get(clientId), local, global(), champion, outDir))
        .iterator();
  }

  private GlobalModel global() {
    if (global == null && globalJson != null) {
      global = ModelFormat.parse(globalJson, GlobalModel.class);
    }

    return global;
  }
}
