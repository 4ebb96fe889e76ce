package io.micromodels.training.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Regularisation;
import io.micromodels.features.spark.DriverTraffic;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import io.micromodels.training.train.ModelPlan;
import io.micromodels.training.train.ModelTrainer;
import io.micromodels.training.train.Slice;
import io.micromodels.training.train.TrainingRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The train job on the bundled sample's two smaller clients, voltmart capped at 1,000 rows so it
 * trains on a sample of its rows (every fraud, a share of the genuine rows) while tripwise trains
 * on all of its own, both in one task with LIBLINEAR; voltmart's behaviour micromodel is {@code
 * binned}, tripwise's {@code tabular}, so the parity and engine checks cover both numeric types;
 * the global email micromodel trains on their pooled rows, with MLlib here (the global row cap set
 * to 1,000). Batch scores equal the scorer's; the two engines give the same model on the same rows.
 */
class TrainJobTest {
  private static final Instant AS_OF = Instant.parse("2025-10-07T23:59:59Z");
  private static SparkSession spark;
  private static SparkSettings settings;
  private static Path dir;
  private static List<ClientConfig> clients;
  private static List<ClientOutcome> outcomes;
  private static TrainJob.Report report;

  @BeforeAll
  static void trainTheSampleClients() throws IOException {
    spark = SharedSpark.session();
    dir = SharedSpark.newDirectory("train");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
    new IngestJob(spark, settings, IngestLimits.defaults(Instant.now()))
        .run(List.of("../data-samples/events/voltmart", "../data-samples/events/tripwise"));
    clients =
        List.of(
            capped("voltmart"),
            ClientConfigLoader.load(Path.of("../data-samples/clients/tripwise.yaml")));
    spark.conf().set(TrainJob.GLOBAL_ROW_CAP, "1000");
    try {
      report =
          new TrainJob(spark, settings)
              .runReporting(clients, AS_OF, Map.of(), dir.resolve("models").toString());
    } finally {
      spark.conf().unset(TrainJob.GLOBAL_ROW_CAP);
    }

    outcomes = report.outcomes();
  }

  @Test
  void theGlobalModelTrainsWithMllibAboveTheGlobalRowCapAndInOneTaskUnderIt() {
    assertThat(report.globalSolver()).isEqualTo("mllib");

    TrainJob.Report small =
        new TrainJob(spark, settings)
            .runReporting(
                clients.subList(1, 2),
                AS_OF,
                Map.of(),
                dir.resolve("under-the-global-cap").toString());

    assertThat(small.globalSolver()).isEqualTo("liblinear");
    assertThat(small.outcomes())
        .singleElement()
        .satisfies(
            o -> assertThat(o.status()).as(o.message()).isEqualTo(ClientOutcome.Status.TRAINED));
    assertThat(small.global().outOfFold()).containsOnlyKeys("email");
  }

  @Test
  void aPoolLargerThanTheGlobalSampleTrainsTheGlobalModelOnASampleOfAboutThatSize() {
    assertThat(report.globalRows())
        .as("the pool is under the default sample size")
        .isEqualTo(report.pooledRows());
    spark.conf().set(TrainJob.GLOBAL_SAMPLE_ROWS, "1000");
    TrainJob.Report sampled;
    try {
      sampled =
          new TrainJob(spark, settings)
              .runReporting(clients, AS_OF, Map.of(), dir.resolve("global-sample").toString());
    } finally {
      spark.conf().unset(TrainJob.GLOBAL_SAMPLE_ROWS);
    }

    assertThat(sampled.pooledRows()).isEqualTo(report.pooledRows()).isGreaterThan(2000);
    assertThat(sampled.globalRows()).isBetween(850L, 1150L);
    assertThat(sampled.globalSolver())
        .as("the sample is under the global row cap")
        .isEqualTo("liblinear");
    assertThat(sampled.outcomes())
        .allSatisfy(
            o -> assertThat(o.status()).as(o.message()).isEqualTo(ClientOutcome.Status.TRAINED));
    long validationRows =
        sampled
            .global()
            .scoring()
            .micromodels()
            .get(0)
            .regularisation()
            .points()
            .get(0)
            .validation()
            .rows();
    long fullValidationRows =
        report
            .global()
            .scoring()
            .micromodels()
            .get(0)
            .regularisation()
            .points()
            .get(0)
            .validation()
            .rows();
    assertThat(validationRows)
        .as("the path records the sample's validation slice")
        .isLessThan(fullValidationRows * 6 / 10);
  }

  @Test
  void thePoolSampleKeepsTheSameRowsWhateverThePartitioning() {
    List<Row> events = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      events.add(RowFactory.create("client-" + i % 7, "event-" + i));
    }
    Dataset<Row> pool =
        spark.createDataFrame(
            events, new StructType().add("client_id", "string").add("event_id", "string"));

    List<Row> kept = TrainJob.sample(pool, 20_000, 5_000).sort("event_id").collectAsList();
    List<Row> repartitioned =
        TrainJob.sample(pool.repartition(5), 20_000, 5_000).sort("event_id").collectAsList();

    assertThat(kept).hasSizeBetween(4_700, 5_300).isEqualTo(repartitioned);
    assertThat(TrainJob.sample(pool, 20_000, 20_000))
        .as("a pool no larger is kept whole")
        .isSameAs(pool);
  }

  @Test
  void anEmptyTrainingWindowIsNamedNotAnEmptyIterator() {
    Instant longBefore = Instant.parse("2020-01-31T23:59:59Z");
    assertThatThrownBy(
            () ->
                new TrainJob(spark, settings)
                    .runReporting(clients, longBefore, Map.of(), dir.resolve("empty").toString()))
        .isInstanceOf(io.micromodels.training.train.TrainingException.class)
        .hasMessageStartingWith(
            "No decision events to train on: no selected client has one in"
                + " its training window (voltmart [2019-")
        .hasMessageEndingWith("Ingest the events of that period, or choose another --as-of.");
    assertThat(dir.resolve("empty")).doesNotExist();
  }

  @Test
  void aGlobalRowCapThatIsNotANumberOfRowsIsRefusedNamingTheKey() {
    spark.conf().set(TrainJob.GLOBAL_ROW_CAP, "lots");
    try {
      assertThatThrownBy(
              () ->
                  new TrainJob(spark, settings)
                      .runReporting(clients, AS_OF, Map.of(), dir.resolve("refused").toString()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(TrainJob.GLOBAL_ROW_CAP)
          .hasMessageContaining("lots");
      spark.conf().set(TrainJob.GLOBAL_ROW_CAP, "999");
      assertThatThrownBy(
              () ->
                  new TrainJob(spark, settings)
                      .runReporting(clients, AS_OF, Map.of(), dir.resolve("refused").toString()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1000..100000000");
    } finally {
      spark.conf().unset(TrainJob.GLOBAL_ROW_CAP);
    }

    assertThat(dir.resolve("refused")).doesNotExist();
  }

  @Test
  void everyClientTrainsInOneTaskOneAboveItsRowCapOnASampleOfAboutTheCap() {
    assertThat(outcomes)
        .extracting(ClientOutcome::clientId)
        .containsExactly("voltmart", "tripwise");
    assertThat(outcomes).extracting(ClientOutcome::solver).containsOnly("liblinear");
    assertThat(outcomes)
        .allSatisfy(
            o -> {
              assertThat(o.status()).as(o.message()).isEqualTo(ClientOutcome.Status.TRAINED);
              assertThat(Files.isRegularFile(Path.of(o.model()))).isTrue();
            });
    ClientModel voltmart = model("voltmart");
    ClientModel tripwise = model("tripwise");
    List<LabelledRow> all = voltmartRows();
    long frauds = all.stream().filter(r -> r.label() == 1).count();
    double rate = voltmart.training().genuineSampleRate();
    assertThat(all).hasSizeGreaterThan(1000);
    assertThat(voltmart.training().fraudLabels()).as("every fraud kept").isEqualTo(frauds);
    assertThat(rate).isCloseTo((1000.0 - frauds) / (all.size() - frauds), within(1e-6));
    assertThat(voltmart.training().rows()).isBetween(900L, 1100L);
    assertThat(tripwise.training().genuineSampleRate()).as("under its cap").isEqualTo(1.0);
    assertThat(voltmart.scoring().micromodels().get(0).name()).isEqualTo("email");
    assertThat(voltmart.scoring().micromodels().get(0))
        .as("the global email micromodel is shared")
        .isEqualTo(tripwise.scoring().micromodels().get(0));
    assertThat(voltmart.training().windowEnd()).isEqualTo(Instant.parse("2025-08-08T00:00:00Z"));
    assertThat(voltmart.configHash()).isEqualTo(clients.get(0).configHash());
  }

  @Test
  void aSampledClientsCalibratedProbabilitiesHoldForAllItsRowsAndItsModelIsRepeatable()
      throws IOException {
    // A quarter of the genuine rows (the configured cap keeps 72 % of voltmart's): calibrated on
    // the sample, whose fraud odds are 4 times too high, the correction brings the mean
    // probability of the whole validation slice back to its fraud rate.
    ClientConfig config =
        rewritten("voltmart", "sampled", yaml -> yaml.replace("scope: global", "scope: client"));
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(config, AS_OF));
    Dataset<Row> rows =
        new TrainJob(spark, settings).labelledRows(List.of(config), specs, AS_OF).cache();
    Map<String, Double> rates = Map.of("voltmart", 0.25);
    try {
      ClientOutcome once = trainSampled(specs, RowCapSample.apply(spark, rows, rates), "once");
      ClientOutcome again =
          trainSampled(specs, RowCapSample.apply(spark, rows.repartition(5), rates), "again");

      assertThat(once.status()).as(once.message()).isEqualTo(ClientOutcome.Status.TRAINED);
      assertThat(Files.readString(Path.of(again.model())))
          .as("the same rows sampled on another partitioning give the same model")
          .isEqualTo(Files.readString(Path.of(once.model())));
      ClientModel model = ModelFormat.read(Path.of(once.model()));
      assertThat(model.training().genuineSampleRate()).isEqualTo(0.25);
      List<LabelledRow> slice =
          rows.collectAsList().stream()
              .map(r -> TrainingColumns.labelled(r, List.of()))
              .filter(r -> r.part() == LabelledRow.Part.VALIDATION)
              .toList();
      double fraudRate = slice.stream().mapToDouble(LabelledRow::label).average().orElseThrow();
      double meanProbability =
          slice.stream()
              .mapToDouble(r -> model.scoring().probability(r.input()))
              .average()
              .orElseThrow();
      assertThat(meanProbability).isCloseTo(fraudRate, within(0.25 * fraudRate));
    } finally {
      rows.unpersist();
    }
  }

  private ClientOutcome trainSampled(
      Map<String, ClientSpec> specs, Dataset<Row> sampled, String folder) {
    return new ClientTrainFunction(
            specs, null, Map.of("voltmart", 0.25), dir.resolve(folder).toString())
        .call("voltmart", sampled.collectAsList().iterator(), Collections.emptyIterator())
        .next();
  }

  @Test
  void theRowCapSampleKeepsTheSameRowsWhateverThePartitioningAndEveryFraud() {
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(clients.get(0), AS_OF));
    Dataset<Row> rows =
        new TrainJob(spark, settings).labelledRows(clients.subList(0, 1), specs, AS_OF).cache();
    try {
      Map<String, Double> rates = Map.of("voltmart", 0.25);
      List<Row> kept = RowCapSample.apply(spark, rows, rates).sort("event_id").collectAsList();
      List<Row> repartitioned =
          RowCapSample.apply(spark, rows.repartition(7), rates).sort("event_id").collectAsList();

      assertThat(kept).isEqualTo(repartitioned);
      long frauds = rows.filter(col(TrainingColumns.LABEL).equalTo(1)).count();
      long genuine = rows.count() - frauds;
      assertThat(kept.stream().filter(r -> r.<Double>getAs(TrainingColumns.LABEL) == 1))
          .hasSize((int) frauds);
      assertThat(kept.size() - frauds).isBetween((long) (0.2 * genuine), (long) (0.3 * genuine));
      assertThat(RowCapSample.apply(spark, rows, Map.of())).isSameAs(rows);
    } finally {
      rows.unpersist();
    }
  }

  @Test
  void theGenuineRateLeavesAboutTheCapAndGenuineRowsAtLeastHalfOfIt() {
    assertThat(RowCapSample.rate(1000, new TrainingRows.Counts(1000, 10))).isEqualTo(1.0);
    assertThat(RowCapSample.rate(1000, new TrainingRows.Counts(4100, 100))).isEqualTo(0.225);
    assertThat(RowCapSample.rate(1000, new TrainingRows.Counts(2900, 900)))
        .as("frauds filling the cap: half of it for genuine rows")
        .isEqualTo(0.25);
    assertThat(RowCapSample.rate(1000, new TrainingRows.Counts(1200, 900))).isEqualTo(1.0);
  }

  @Test
  void liblinearAndMllibTrainTheSameModelOnTheSameRows() {
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(clients.get(0), AS_OF));
    Dataset<Row> rows =
        new TrainJob(spark, settings).labelledRows(clients.subList(0, 1), specs, AS_OF).cache();
    MicromodelSpec behaviour = clients.get(0).micromodels().get(2);
    ModelPlan plan =
        new ModelPlan(
            "voltmart",
            List.of(
                new MicromodelSpec(
                    behaviour.name(),
                    behaviour.type(),
                    behaviour.scope(),
                    behaviour.inputs(),
                    new Regularisation(List.of(0.1)),
                    behaviour.params())),
            new ModelSpec(
                List.of(),
                new Regularisation(List.of(0.1)),
                ModelSpec.Calibration.PLATT,
                ModelSpec.ScoreMapping.PROBABILITY_PERCENT));
    List<LabelledRow> local =
        rows.collectAsList().stream().map(r -> TrainingColumns.labelled(r, List.of())).toList();

    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var persistedBefore = Map.copyOf(context.getPersistentRDDs());
    ModelTrainer.Result distributed;
    try (DatasetRows distributedRows = new DatasetRows(rows, MllibSolver.in(spark))) {
      distributed = ModelTrainer.train(plan, distributedRows, Map.of());
    }

    assertThat(context.getPersistentRDDs().keySet())
        .as("closing the rows releases their persisted design")
        .isEqualTo(persistedBefore.keySet());

    var inOneTask =
        ModelTrainer.train(
            plan, new LocalRows(local, LiblinearSolver.create(), "liblinear"), Map.of());

    double worst = 0;
    for (LabelledRow row : local) {
      worst =
          Math.max(
              worst,
              Math.abs(
                  distributed.scoring().probability(row.input())
                      - inOneTask.scoring().probability(row.input())));
    }

    assertThat(worst).isLessThan(1e-3);
    rows.unpersist();
  }

  @Test
  void distributedRowsSendTheDriverASampleOfBoundedSize() throws Exception {
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(clients.get(0), AS_OF));
    Dataset<Row> rows =
        new TrainJob(spark, settings).labelledRows(clients.subList(0, 1), specs, AS_OF).cache();
    long validation = rows.filter(col(TrainingColumns.PART).equalTo("VALIDATION")).count();
    assertThat(rows.count()).isGreaterThan(3 * validation);
    assertThat(validation).isGreaterThan(250);
    DriverTraffic traffic = DriverTraffic.attach(spark.sparkContext());
    try {
      materialise(
          "validation, all",
          new DatasetRows(rows, MllibSolver.in(spark)).slice(Slice.validation()),
          (int) validation);
      materialise(
          "every row, all", new DatasetRows(rows, MllibSolver.in(spark)), (int) rows.count());
      TrainingRows bounded = new DatasetRows(rows, MllibSolver.in(spark), 60);
      List<LabelledRow> sample =
          materialise("validation, bounded", bounded.slice(Slice.validation()), 60);
      materialise("every row, bounded", bounded, 60);

      DriverTraffic.label(spark.sparkContext(), "again");
      assertThat(bounded.slice(Slice.validation()).materialise())
          .as("seeded: the same rows again")
          .extracting(LabelledRow::label)
          .isEqualTo(sample.stream().map(LabelledRow::label).toList());
      traffic.awaitDelivered(spark.sparkContext());
      Map<String, DriverTraffic.Bytes> bytes = traffic.byStage();
      assertThat(bytes.get("every row, all").taskResults())
          .isGreaterThan(2 * bytes.get("validation, all").taskResults());
      assertThat(bytes.get("every row, bounded").taskResults())
          .as("flat with the rows")
          .isLessThan((long) (1.2 * bytes.get("validation, bounded").taskResults()));
    } finally {
      spark.sparkContext().removeSparkListener(traffic);
      DriverTraffic.label(spark.sparkContext(), null);
      rows.unpersist();
    }
  }

  /** Materialises the rows under a stage label: all of them, or a sample of at most 60. */
  private List<LabelledRow> materialise(String stage, TrainingRows rows, int expected) {
    DriverTraffic.label(spark.sparkContext(), stage);
    List<LabelledRow> materialised = rows.materialise();
    if (expected == 60) {
      assertThat(materialised).as(stage).hasSizeBetween(30, 60);
    } else {
      assertThat(materialised).as(stage).hasSize(expected);
    }
    return materialised;
  }

  @Test
  void batchScoresEqualTheScorersOnTheSameRowsExactly() throws IOException {
    Map<String, ClientSpec> specs = new LinkedHashMap<>();
    clients.forEach(c -> specs.put(c.clientId().value(), ClientSpec.of(c, AS_OF)));
    Dataset<Row> rows =
        new TrainJob(spark, settings)
            .labelledRows(clients, specs, AS_OF)
            .filter("client_id = 'voltmart'");
    String json = Files.readString(dir.resolve("models/voltmart/model.json"));
    Map<String, Double> batch = new HashMap<>();
    BatchScorer.score(rows, Map.of("voltmart", json))
        .collectAsList()
        .forEach(r -> batch.put(r.getString(1), r.getDouble(2)));

    Scorer scorer = new Scorer(ModelFormat.fromJson(json, "voltmart"));
    ObjectMapper mapper = new ObjectMapper();
    int compared = 0;
    for (String line : rows.toJSON().collectAsList()) {
      Map<String, Object> event = mapper.readValue(line, new TypeReference<>() {});
      double live = scorer.score(event, Map.of()).score();
      assertThat(Math.abs(live - batch.get((String) event.get("event_id"))))
          .isLessThanOrEqualTo(1e-12);
      compared++;
    }

    assertThat(compared).isEqualTo(batch.size()).isGreaterThan(500);
  }

  @Test
  void aModelTrainedInOneTaskDoesNotDependOnTheOrderItsRowsArriveIn() throws IOException {
    // The rows of a group come in shuffle-fetch order, which differs between a local run and a
    // cluster, and between two runs on a cluster (docs/reliability.md).
    ClientConfig config =
        rewritten(
            "voltmart", "client-scoped", yaml -> yaml.replace("scope: global", "scope: client"));
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(config, AS_OF));
    List<Row> rows =
        new TrainJob(spark, settings).labelledRows(List.of(config), specs, AS_OF).collectAsList();
    List<Row> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);

    ClientOutcome inOrder =
        new ClientTrainFunction(specs, null, Map.of(), dir.resolve("in-order").toString())
            .call("voltmart", rows.iterator(), Collections.emptyIterator())
            .next();
    ClientOutcome inReverse =
        new ClientTrainFunction(specs, null, Map.of(), dir.resolve("reversed").toString())
            .call("voltmart", reversed.iterator(), Collections.emptyIterator())
            .next();

    assertThat(inOrder.status()).as(inOrder.message()).isEqualTo(ClientOutcome.Status.TRAINED);
    assertThat(Files.readString(Path.of(inReverse.model())))
        .isEqualTo(Files.readString(Path.of(inOrder.model())));
  }

  /**
   * A sample client's config with training.row_cap 1000 (no assertions), in a folder of its own.
   */
  private static ClientConfig capped(String client) throws IOException {
    return rewritten(
        client,
        "capped",
        yaml ->
            yaml.replace("type: tabular", "type: binned")
                + "training: {row_cap: 1000}\ncombiner: {regularisation: {grid: [0.1, 1.0]}}\n");
  }

  /** A sample client's config changed by {@code edit} (no assertions), in {@code folder}. */
  private static ClientConfig rewritten(String client, String folder, UnaryOperator<String> edit)
      throws IOException {
    Path configs = Files.createDirectories(dir.resolve(folder));
    String yaml =
        Files.readString(Path.of("../data-samples/clients/" + client + ".yaml"))
            .replace("assertions: ../assertions/" + client + ".csv", "");
    return ClientConfigLoader.load(
        Files.writeString(configs.resolve(client + ".yaml"), edit.apply(yaml)));
  }

  /** voltmart's labelled rows, all of them (the train job's input before its row-cap sample). */
  private static List<LabelledRow> voltmartRows() {
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(clients.get(0), AS_OF));
    return new TrainJob(spark, settings)
        .labelledRows(clients.subList(0, 1), specs, AS_OF).collectAsList().stream()
            .map(r -> TrainingColumns.labelled(r, List.of()))
            .toList();
  }

  private static ClientModel model(String client) {
    return ModelFormat.read(dir.resolve("models").resolve(client).resolve("model.json"));
  }
}
