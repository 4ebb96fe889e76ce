package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.scorer.ScoreLines;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.Scorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code micromodels score} (the Spark batch path) against the live scorer's JSON Lines path
 * ({@link ScoreLines}, the scorer jar's code) on the same feature rows: every score, probability,
 * action and contribution equal, not merely close.
 */
class ScorePathsParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate FROM = LocalDate.of(2025, 9, 29);
  private static final LocalDate TO = LocalDate.of(2025, 10, 5);

  private static Path dir;
  private static Path model;

  @BeforeAll
  static void ingestAndWriteAModel() throws IOException {
    dir = SharedSpark.newDirectory("score-parity");
    new IngestJob(SharedSpark.session(), settings(), IngestLimits.defaults(Instant.now()))
        .run(List.of("../data-samples/events/voltmart"));
    // The scorer's golden model (three micromodels, Platt, segment rules), as voltmart's: the
    // paths must agree on any model and rows, whether or not the model fits them.
    model =
        Files.writeString(
            dir.resolve("model.json"),
            Files.readString(Path.of("../scorer/src/test/resources/golden/model.json"))
                .replace("\"client_id\" : \"golden-shop\"", "\"client_id\" : \"voltmart\""));
  }

  @Test
  void theBatchPathScoresEveryEventAsTheLiveScorerDoes() throws IOException {
    StringWriter out = new StringWriter();
    assertThat(score(out, "--from", FROM.toString(), "--to", TO.toString())).isZero();
    List<String> batch = out.toString().lines().toList();

    ClientConfig voltmart =
        ClientConfigLoader.load(Path.of("../data-samples/clients/voltmart.yaml"));
    ScoreLines live = new ScoreLines(new Scorer(ModelFormat.read(model)));
    Map<String, JsonNode> expected = new HashMap<>();
    for (String row :
        new FeatureJob(SharedSpark.session(), settings())
            .build(List.of(voltmart), new FeatureRange(FROM, TO, FeatureRange.endOf(TO)))
            .toJSON()
            .collectAsList()) {
      JsonNode answer = JSON.readTree(live.score(row, 1));
      expected.put(answer.get("event_id").asText(), answer);
    }

    assertThat(batch).hasSize(expected.size()).hasSizeGreaterThan(100);
    for (String line : batch) {
      JsonNode scored = JSON.readTree(line);
      JsonNode want = expected.get(scored.get("event_id").asText());
      assertThat(want).as(line).isNotNull();
      assertThat(scored.get("score").asDouble()).isEqualTo(want.get("score").asDouble());
      assertThat(scored.get("probability").asDouble())
          .isEqualTo(want.get("probability").asDouble());
      assertThat(scored.get("action").asText()).isEqualTo(want.get("action").asText());
      assertThat(scored.get("contributions")).isEqualTo(want.get("contributions"));
    }
  }

  @Test
  void anExistingOutFolderIsRefusedBeforeScoring() throws IOException {
    Path taken = Files.createDirectories(dir.resolve("taken"));
    StringWriter err = new StringWriter();
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(
            cli.execute(
                "--warehouse",
                dir.resolve("warehouse").toString(),
                "score",
                "--model",
                model.toString(),
                "--configs",
                "../data-samples/clients",
                "--from",
                FROM.toString(),
                "--to",
                TO.toString(),
                "--out",
                taken.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("exists; a score run never overwrites");
  }

  private static int score(StringWriter out, String... range) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--warehouse",
                dir.resolve("warehouse").toString(),
                "score",
                "--model",
                model.toString(),
                "--configs",
                "../data-samples/clients"));
    args.addAll(List.of(range));
    return cli.execute(args.toArray(String[]::new));
  }

  private static SparkSettings settings() {
    return new SparkSettings("local[2]", dir.resolve("warehouse").toString(), Map.of());
  }
}
