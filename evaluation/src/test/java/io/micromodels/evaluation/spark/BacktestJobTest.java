package io.micromodels.evaluation.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.spark.RowInputs;
import io.micromodels.training.spark.TrainJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-fold backtest of the bundled sample's two smaller clients as of its last day: voltmart
 * against a champion trained two months earlier, tripwise without one, with an ad-hoc objective.
 */
class BacktestJobTest {
  private static final Instant AS_OF = Instant.parse("2025-10-07T23:59:59.999999Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;
  private static SparkSettings settings;
  private static Path dir;
  private static List<ClientConfig> clients;
  private static BacktestJob.Result result;
  private static Path runDir;

  /** The last fold's test rows scored by a fresh Scorer of the fold's model, by event id. */
  private static final Map<String, Double> RESCORED = new HashMap<>();

  private static List<LastFoldExport.ClientRows> exported;

  @BeforeAll
  static void backtestTheSampleClients() throws IOException {
    spark = SharedSpark.session();
    dir = SharedSpark.newDirectory("backtest");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
    new IngestJob(spark, settings, IngestLimits.defaults(Instant.now()))
        .run(List.of("../data-samples/events/voltmart", "../data-samples/events/tripwise"));
    clients =
        List.of(
            ClientConfigLoader.load(Path.of("../data-samples/clients/voltmart.yaml")),
            ClientConfigLoader.load(Path.of("../data-samples/clients/tripwise.yaml")));
    new TrainJob(spark, settings)
        .run(
            clients.subList(0, 1),
            Instant.parse("2025-08-15T00:00:00Z"),
            Map.of(),
            dir.resolve("champions").toString());
    ClientModel champion = ModelFormat.read(dir.resolve("champions/voltmart/model.json"));
    result =
        new BacktestJob(spark, settings)
            .run(
                clients,
                BacktestRequest.walkForward(
                        AS_OF,
                        2,
                        60,
                        30,
                        7,
                        Map.of("voltmart", champion),
                        "Adding basket bigrams catches resellers",
                        "pr_auc:+0.01",
                        dir.resolve("runs").toString(),
                        "run-1")
                    .withDrift(),
                last -> {
                  for (Row row : last.testRows().collectAsList()) {
                    Path model =
                        dir.resolve("runs/run-1/models/fold-2")
                            .resolve(row.getString(row.fieldIndex("client_id")))
                            .resolve("model.json");
                    RESCORED.put(
                        row.getString(row.fieldIndex("event_id")),
                        new Scorer(ModelFormat.read(model)).score(RowInputs.of(row)).score());
                  }

                  exported = LastFoldExport.write(last, dir.resolve("export"));
                });
    runDir = dir.resolve("runs/run-1");
  }

  @Test
  void theFoldLayoutIsStoredAndEveryTestRowIsOutsideItsFoldsTrainingWindowAndLabelDelay()
      throws IOException {
    JsonNode stored = JSON.readTree(runDir.resolve("folds.json").toFile());
    assertThat(stored.get("voltmart").get("folds")).hasSize(2);
    FoldLayout layout = result.layouts().get("voltmart");
    assertThat(layout.folds())
        .extracting(Fold::testStart)
        .containsExactly(
            Instant.parse("2025-09-24T00:00:00Z"), Instant.parse("2025-10-01T00:00:00Z"));

    Map<String, Instant> eventTimes = new HashMap<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(settings.tablePath("events"))
            .select("event_id", "event_time")
            .collectAsList()) {
      eventTimes.put(r.getString(0), r.<Instant>getAs(1));
    }

    for (String client : List.of("voltmart", "tripwise")) {
      FoldLayout own = result.layouts().get(client);
      for (Fold fold : own.folds()) {
        ClientModel model =
            ModelFormat.read(
                runDir
                    .resolve("models/fold-" + fold.index())
                    .resolve(client)
                    .resolve("model.json"));
        // the model says which rows it saw: exactly the fold's window, labels as of its cut-off
        assertThat(model.training().windowStart()).isEqualTo(fold.trainStart());
        assertThat(model.training().windowEnd()).isEqualTo(fold.trainEnd());
        assertThat(model.asOf()).isEqualTo(fold.cutoff());
      }

      List<String> scored = scoreLines(client);
      assertThat(scored).hasSizeGreaterThan(20);
      for (String line : scored) {
        Instant time = eventTimes.get(line.split(",")[0]);
        Fold fold = own.testing(time).orElseThrow();
        assertThat(fold.trainsOn(time)).isFalse();
        assertThat(Duration.between(fold.trainEnd(), time))
            .isGreaterThanOrEqualTo(Duration.ofDays(30));
      }
    }
  }

  @Test
  void driftIsMeasuredAgainstTheChampionsTrainingWindowOrElseTheFirstFolds() throws IOException {
    ClientModel champion = ModelFormat.read(dir.resolve("champions/voltmart/model.json"));
    Drift voltmart = result.drift().get("voltmart");
    assertThat(voltmart.reference())
        .contains("production model's training window")
        .contains(champion.training().windowStart().toString());
    assertThat(voltmart.score()).isPresent();
    assertThat(voltmart.score().get().psi())
        .hasSize(2)
        .allSatisfy(psi -> assertThat(psi).isFinite().isGreaterThanOrEqualTo(0.0));
    assertThat(voltmart.variables())
        .extracting(Drift.Variable::name)
        .contains(Drift.SCORE, "customer.order_count_24h", "account_age_days");
    Drift tripwise = result.drift().get("tripwise");
    assertThat(tripwise.reference()).contains("first fold's training window");
    assertThat(tripwise.score()).isEmpty();

    JsonNode stored = metrics("voltmart").get("drift");
    assertThat(stored.get("reference").asText()).isEqualTo(voltmart.reference());
    assertThat(stored.get("variables").get(Drift.SCORE).get("psi_per_fold")).hasSize(2);
    assertThat(Files.readString(runDir.resolve("voltmart/report.html")))
        .contains("Drift per fold")
        .contains("fold 2 PSI");
  }

  @Test
  void withAChampionEveryComparisonIsMeasuredAndWithoutOneItShowsDashes() throws IOException {
    JsonNode voltmart = metrics("voltmart");
    JsonNode tripwise = metrics("tripwise");

    // the regenerated sample has no voltmart fraud known in these two weeks: PR-AUC is undefined
    // (null), a loss is not
    assertThat(voltmart.at("/overall/champion/brier").isNumber()).isTrue();
    assertThat(voltmart.at("/overall/candidate/action_change_rate").isNumber()).isTrue();
    assertThat(voltmart.at("/overall/candidate/score_rank_correlation").asDouble())
        .isBetween(-1.0, 1.0);
    assertThat(voltmart.at("/transitions/genuine")).hasSize(9);
    // an objective on an undefined PR-AUC is stated as not evaluable, never as met or missed
    assertThat(voltmart.at("/objective/met").isNull()).isTrue();
    assertThat(voltmart.at("/objective/statement").asText())
        .isEqualTo("pr_auc is not measurable: objective +0.01 not evaluable");
    assertThat(tripwise.at("/overall/champion").isNull()).isTrue();
    assertThat(tripwise.at("/overall/candidate/action_change_rate").isNull()).isTrue();
    assertThat(tripwise.at("/objective/met").isNull()).isTrue();
    assertThat(scoreLines("tripwise")).allSatisfy(line -> assertThat(line).endsWith(","));

    String report = Files.readString(runDir.resolve("tripwise/report.html"));
    assertThat(report).contains("Backtest of tripwise").contains("No champion");
  }

  @Test
  void aPastWindowEvaluatedWithLaterLabelsInOneFoldEqualsTheTwoFoldRunsFirstFold()
      throws IOException {
    // Fold 1 of run-1 tests [09-24, 10-01) with labels as of 10-07; one fold as of 09-30 with
    // labels as of 10-07 is the same window, trained the same way, judged by the same labels.
    BacktestRequest pastWeek =
        BacktestRequest.walkForward(
                Instant.parse("2025-09-30T23:59:59.999999Z"),
                1,
                60,
                30,
                7,
                Map.of(),
                null,
                null,
                dir.resolve("runs").toString(),
                "run-labels")
            .withLabelsAsOf(AS_OF);
    BacktestJob.Result past = new BacktestJob(spark, settings).run(clients, pastWeek);

    for (String client : List.of("voltmart", "tripwise")) {
      assertThat(past.layouts().get(client).folds())
          .singleElement()
          .isEqualTo(result.layouts().get(client).folds().get(0));
      JsonNode fold =
          JSON.readTree(
              dir.resolve("runs/run-labels").resolve(client).resolve("metrics.json").toFile());
      JsonNode twoFold = metrics(client);
      assertThat(fold.get("folds").get(0).get("candidate"))
          .isEqualTo(twoFold.get("folds").get(0).get("candidate"));
      // (label completeness is estimated from the label history the run reads, which run-1
      // widens to the champion's training window for its drift section, so it is not compared)
      assertThat(fold.get("overall").get("candidate").get("pr_auc"))
          .isEqualTo(twoFold.get("folds").get(0).get("candidate").get("pr_auc"));
      assertThat(fold.get("lineage").toString())
          .contains("\"test windows as of\":\"2025-09-30T23:59:59.999999Z\"")
          .contains("\"evaluated at (labels as of)\":\"2025-10-07T23:59:59.999999Z\"");
    }
  }

  /**
   * Issue 31: with a client's held-out rows split into shards of about 40 rows (each scored and
   * summarised by its own task, the summaries merged in a second pass), every metric, the gate and
   * the scores file are those of the run with one shard per client.
   */
  @Test
  void shardedClientsGiveTheSameEvaluationAsOneShard() throws IOException {
    spark.conf().set(BacktestJob.ROWS_PER_SHARD, "40");
    BacktestJob.Result sharded;
    try {
      sharded =
          new BacktestJob(spark, settings)
              .run(
                  clients,
                  BacktestRequest.walkForward(
                          AS_OF,
                          2,
                          60,
                          30,
                          7,
                          Map.of(
                              "voltmart",
                              ModelFormat.read(dir.resolve("champions/voltmart/model.json"))),
                          "Adding basket bigrams catches resellers",
                          "pr_auc:+0.01",
                          dir.resolve("runs").toString(),
                          "run-sharded")
                      .withDrift()); // as run-1: same labels
    } finally {
      spark.conf().unset(BacktestJob.ROWS_PER_SHARD);
    }

    Path shardedDir = dir.resolve("runs/run-sharded");
    for (String client : List.of("voltmart", "tripwise")) {
      JsonNode one = metrics(client);
      JsonNode many = JSON.readTree(shardedDir.resolve(client).resolve("metrics.json").toFile());
      for (String model : List.of("candidate", "champion")) {
        one.get("overall")
            .get(model)
            .fields()
            .forEachRemaining(
                metric -> {
                  JsonNode other = many.get("overall").get(model).get(metric.getKey());
                  if (metric.getValue().isNumber()) {
                    assertThat(other.asDouble())
                        .as(client + " " + model + " " + metric.getKey())
                        .isCloseTo(metric.getValue().asDouble(), within(1e-9));
                  } else {
                    assertThat(other)
                        .as(client + " " + metric.getKey())
                        .isEqualTo(metric.getValue());
                  }
                });
      }
      assertThat(many.get("gate")).isEqualTo(one.get("gate"));
      List<String> lines = new ArrayList<>(scoreLines(client));
      List<String> shardedLines = new ArrayList<>(lines(shardedDir.resolve(client)));
      assertThat(shardedLines).hasSizeGreaterThan(80).containsExactlyInAnyOrderElementsOf(lines);
      assertThat(shardedDir.resolve(client).resolve("scores-parts")).doesNotExist();
    }
    assertThat(sharded.clients())
        .extracting(ClientBacktest::gatePassed)
        .isEqualTo(result.clients().stream().map(ClientBacktest::gatePassed).toList());
  }

  @Test
  void eachClientGetsItsHappyPathTableAndGateVerdict() throws IOException {
    assertThat(result.clients())
        .extracting(ClientBacktest::clientId)
        .containsExactly("voltmart", "tripwise");
    for (ClientBacktest c : result.clients()) {
      assertThat(c.status()).as(c.message()).isEqualTo(ClientBacktest.Status.EVALUATED);
      JsonNode gate = metrics(c.clientId()).get("gate");
      assertThat(gate.get("passed").asBoolean()).isEqualTo(c.gatePassed());
      assertThat(gate.get("checks")).hasSize(5);
      assertThat(c.happyPath()).contains("pr_auc.max_drop").contains("prevented_asserts.min");
      assertThat(c.reportPath()).endsWith(c.clientId() + "/report.html");
    }

    JsonNode folds = metrics("voltmart").get("folds");
    assertThat(folds).hasSize(2);
    // the older fold has had longer for its labels to arrive
    assertThat(folds.get(0).get("label_completeness").asDouble())
        .isGreaterThan(folds.get(1).get("label_completeness").asDouble());
    assertThat(result.times().seconds()).containsKeys("features", "train");
  }

  @Test
  void theLastFoldsExportHoldsTheRowsTheBacktestTrainedAndScoredWithTheScorersScores()
      throws IOException {
    assertThat(exported)
        .extracting(LastFoldExport.ClientRows::clientId)
        .containsExactly("voltmart", "tripwise");
    for (LastFoldExport.ClientRows rows : exported) {
      String client = rows.clientId();
      Fold last = result.layouts().get(client).folds().get(1);
      assertThat(rows.fold()).isEqualTo(last);
      assertThat(rows.inputs())
          .isEqualTo(
              clients.stream()
                  .filter(c -> c.clientId().value().equals(client))
                  .findFirst()
                  .orElseThrow()
                  .micromodels()
                  .stream()
                  .filter(m -> m.type().equals("tabular"))
                  .findFirst()
                  .orElseThrow()
                  .inputs());
      List<String[]> train = csv(rows.directory().resolve("train.csv.gz"));
      List<String[]> test = csv(rows.directory().resolve("test.csv.gz"));
      // the training rows are the ones the fold's model says it trained on
      ClientModel model =
          ModelFormat.read(runDir.resolve("models/fold-2").resolve(client).resolve("model.json"));
      assertThat((long) train.size())
          .isEqualTo(model.training().rows())
          .isEqualTo(rows.trainRows());
      assertThat(train.stream().filter(r -> r[3].equals("1")).count())
          .isEqualTo(model.training().fraudLabels());
      // disjoint in time: every training row before the cut-off's label delay, every test row in
      // the last test window
      Instant lastTrain =
          train.stream().map(r -> Instant.parse(r[1])).max(Instant::compareTo).orElseThrow();
      assertThat(train).allMatch(r -> last.trainsOn(Instant.parse(r[1])));
      assertThat(test).allMatch(r -> last.tests(Instant.parse(r[1])));
      assertThat(lastTrain).isBefore(last.testStart());
      // the test rows are the backtest's scored rows of that window, with its scores, which are
      // the scorer's output on the same feature rows
      Map<String, String> backtestScores = new HashMap<>();
      for (String line : scoreLines(client)) {
        String[] cells = line.split(",");
        backtestScores.put(cells[0], cells[2]); // ScoresCsv.COLUMNS
      }

      int score =
          List.of(header(rows.directory().resolve("test.csv.gz"))).indexOf(LastFoldExport.SCORE);
      assertThat(test)
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(Double.parseDouble(r[score])).isEqualTo(RESCORED.get(r[0]));
                assertThat(Double.parseDouble(r[score]))
                    .isEqualTo(Double.parseDouble(backtestScores.get(r[0])));
              });
      assertThat(test).hasSize((int) rows.testRows());
      assertThat(spark.read().parquet(rows.directory().resolve("test.parquet").toString()).count())
          .isEqualTo(test.size());
    }
  }

  private static String[] header(Path file) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return in.readLine().split(",", -1);
    }
  }

  private static List<String[]> csv(Path file) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return in.lines().skip(1).map(l -> l.split(",", -1)).toList();
    }
  }

  private static JsonNode metrics(String client) throws IOException {
    return JSON.readTree(runDir.resolve(client).resolve("metrics.json").toFile());
  }

  private static List<String> scoreLines(String client) throws IOException {
    return lines(runDir.resolve(client));
  }

  /** scores.csv.gz's records in a client's folder, without the header. */
  private static List<String> lines(Path clientDir) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(clientDir.resolve("scores.csv.gz"))),
                StandardCharsets.UTF_8))) {
      return in.lines().skip(1).toList();
    }
  }
}
