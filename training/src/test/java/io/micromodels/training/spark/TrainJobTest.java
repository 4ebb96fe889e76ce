package io.micromodels.training.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.train.ClientSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The train job on the bundled sample's two smaller clients: one Spark job trains both, the
 * global email micromodel on their pooled rows; batch scores equal the scorer's; a client above
 * its row cap trains with MLlib into the same artifact, agreeing with LIBLINEAR's.
 */
class TrainJobTest {
  private static final Instant AS_OF = Instant.parse("2025-10-07T23:59:59Z");
  private static SparkSession spark;
  private static SparkSettings settings;
  private static Path dir;
  private static List<ClientConfig> clients;
  private static List<ClientOutcome> outcomes;

  @BeforeAll
  static void trainTheSampleClients() throws IOException {
    spark = SharedSpark.session();
    dir = SharedSpark.newDirectory("train");
    settings = new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
    new IngestJob(spark, settings, IngestLimits.defaults(Instant.now()))
        .run(List.of("../data-samples/events/voltmart", "../data-samples/events/tripwise"));
    clients = List.of(ClientConfigLoader.load(Path.of("../data-samples/clients/voltmart.yaml")),
        ClientConfigLoader.load(Path.of("../data-samples/clients/tripwise.yaml")));
    outcomes = new TrainJob(spark, settings).run(clients, AS_OF, Map.of(),
        dir.resolve("models").toString());
  }

  @Test
  void everyClientIsTrainedInOneTaskWithLiblinearAndWritesItsModel() {
    assertThat(outcomes).extracting(ClientOutcome::clientId).containsExactly("voltmart", "tripwise");
    assertThat(outcomes).allSatisfy(o -> {
      assertThat(o.status()).as(o.message()).isEqualTo(ClientOutcome.Status.TRAINED);
      assertThat(o.solver()).isEqualTo("liblinear");
      assertThat(o.rows()).isGreaterThan(500);
      assertThat(Files.isRegularFile(Path.of(o.model()))).isTrue();
    });
    ClientModel voltmart = model("models", "voltmart");
    ClientModel tripwise = model("models", "tripwise");
    assertThat(voltmart.scoring().micromodels().get(0).name()).isEqualTo("email");
    assertThat(voltmart.scoring().micromodels().get(0))
        .as("the global email micromodel is shared")
        .isEqualTo(tripwise.scoring().micromodels().get(0));
    assertThat(voltmart.training().windowEnd()).isEqualTo(Instant.parse("2025-08-08T00:00:00Z"));
    assertThat(voltmart.configHash()).isEqualTo(clients.get(0).configHash());
  }

  @Test
  void batchScoresEqualTheScorersOnTheSameRowsExactly() throws IOException {
    Map<String, ClientSpec> specs = new LinkedHashMap<>();
    clients.forEach(c -> specs.put(c.clientId().value(), ClientSpec.of(c, AS_OF)));
    Dataset<Row> rows = new TrainJob(spark, settings).labelledRows(clients, specs, AS_OF)
        .filter("client_id = 'voltmart'");
    String json = Files.readString(dir.resolve("models/voltmart/model.json"));
    Map<String, Double> batch = new HashMap<>();
    BatchScorer.score(rows, Map.of("voltmart", json)).collectAsList()
        .forEach(r -> batch.put(r.getString(1), r.getDouble(2)));

    Scorer scorer = new Scorer(ModelFormat.fromJson(json, "voltmart"));
    ObjectMapper mapper = new ObjectMapper();
    int compared = 0;
    for (String line : rows.toJSON().collectAsList()) {
      Map<String, Object> event = mapper.readValue(line, new TypeReference<>() {});
      double live = scorer.score(event, Map.of()).score();
      assertThat(Math.abs(live - batch.get((String) event.get("event_id")))).isLessThanOrEqualTo(1e-12);
      compared++;
    }

    assertThat(compared).isEqualTo(batch.size()).isGreaterThan(500);
  }

  @Test
  void aClientAboveItsRowCapTrainsWithMllibIntoTheSameArtifact() throws IOException {
    Path configs = Files.createDirectories(dir.resolve("capped"));
    String yaml = Files.readString(Path.of("../data-samples/clients/voltmart.yaml"))
        .replace("assertions: ../assertions/voltmart.csv",
            "assertions: " + Path.of("../data-samples/assertions/voltmart.csv").toAbsolutePath())
        + "training: {row_cap: 1000}\n";
    Files.writeString(configs.resolve("voltmart.yaml"), yaml);
    List<ClientConfig> capped = List.of(ClientConfigLoader.load(configs.resolve("voltmart.yaml")),
        clients.get(1));

    List<ClientOutcome> result = new TrainJob(spark, settings).run(capped, AS_OF, Map.of(),
        dir.resolve("mllib").toString());

    assertThat(result.get(0).status()).as(result.get(0).message())
        .isEqualTo(ClientOutcome.Status.TRAINED);
    assertThat(result.get(0).solver()).isEqualTo("mllib");
    ClientModel mllib = model("mllib", "voltmart");
    ClientModel liblinear = model("models", "voltmart");
    assertThat(mllib.training().solver()).isEqualTo("mllib");
    Scorer a = new Scorer(mllib);
    Scorer b = new Scorer(liblinear);
    Map<String, ClientSpec> specs = Map.of("voltmart", ClientSpec.of(capped.get(0), AS_OF));
    double worst = 0;
    for (Row row : new TrainJob(spark, settings).labelledRows(capped.subList(0, 1), specs, AS_OF)
        .collectAsList()) {
      var input = RowInputs.of(row);
      worst = Math.max(worst, Math.abs(a.score(input).probability() - b.score(input).probability()));
    }

    assertThat(worst).isLessThan(1e-3);
  }

  private static ClientModel model(String folder, String client) {
    return ModelFormat.read(dir.resolve(folder).resolve(client).resolve("model.json"));
  }
}
