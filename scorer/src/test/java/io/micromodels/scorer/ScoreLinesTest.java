package io.micromodels.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.scorer.testing.GoldenFiles;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scorer SCORER =
      new Scorer(ModelFormat.read(GoldenFiles.path(GoldenFiles.MODEL)));
  private static final String EVENT =
      "{\"event_id\":\"o-1\",\"email\":\"x9q2k@mailinator.com\","
          + "\"item_names\":[\"premium vodka\",\"kale\"],\"item_categories\":[\"spirits\",\"groceries\"],"
          + "\"country\":\"DE\",\"amount\":212.5,\"account_age_days\":0.5,"
          + "\"customer\":{\"order_count_1h\":3},\"time.night\":1,\"attributes\":{\"store\":\"s1\"},"
          + "\"ip\":null}";

  @Test
  void aLineScoresExactlyLikeTheSameValuesInMemory() throws IOException {
    ScoreResult inMemory =
        SCORER.score(
            Map.of(
                "email",
                "x9q2k@mailinator.com",
                "item_names",
                List.of("premium vodka", "kale"),
                "item_categories",
                List.of("spirits", "groceries"),
                "country",
                "DE",
                "amount",
                212.5,
                "account_age_days",
                0.5,
                "time.night",
                1),
            Map.of("customer.order_count_1h", 3));
    JsonNode line = JSON.readTree(new ScoreLines(SCORER).score(EVENT, 1));

    assertThat(line.get("event_id").asText()).isEqualTo("o-1");
    assertThat(line.get("score").asDouble()).isEqualTo(inMemory.score());
    assertThat(line.get("probability").asDouble()).isEqualTo(inMemory.probability());
    assertThat(line.get("action").asText()).isEqualTo(inMemory.action().name());
    inMemory
        .contributions()
        .forEach(
            (name, share) ->
                assertThat(line.get("contributions").get(name).asDouble()).isEqualTo(share));
  }

  @Test
  void nestedObjectsBecomeDottedColumnsArraysListsAndNullsAbsence() {
    ModelInput input = ScoreLines.input(EVENT);

    assertThat(input.number("customer.order_count_1h")).isEqualTo(3.0);
    assertThat(input.text("attributes.store")).isEqualTo("s1");
    assertThat(input.texts("item_categories")).containsExactly("spirits", "groceries");
    assertThat(input.text("ip")).isNull();
    assertThat(input.text("amount")).isEqualTo("212.5");
  }

  @Test
  void aLineThatIsNotAJsonObjectIsRejectedNamingWhatWasFound() {
    assertThatThrownBy(() -> ScoreLines.input("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a JSON object of feature-table columns, found array");
    assertThatThrownBy(() -> ScoreLines.input("{\"email\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }

  @Test
  void aRunAnswersEachNonBlankLineAndReportsBadLinesByNumberWithoutStopping() throws IOException {
    StringWriter out = new StringWriter();
    ScoreLines.Summary summary =
        new ScoreLines(SCORER)
            .run(
                new BufferedReader(new StringReader(EVENT + "\n\nnot json\n" + EVENT + "\n")), out);
    List<String> lines = out.toString().lines().toList();

    assertThat(summary).isEqualTo(new ScoreLines.Summary(2, 1));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(lines.get(2)).startsWith("{\"event_id\":\"o-1\",\"score\":");
    assertThat(JSON.readTree(lines.get(1)).get("line").asLong()).isEqualTo(3);
    assertThat(JSON.readTree(lines.get(1)).get("error").asText()).startsWith("not JSON: ");
  }

  @Test
  void theCommandScoresStandardInputAndExitsOneWhenALineFailed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String model = GoldenFiles.path(GoldenFiles.MODEL).toString();

    int ok = ScorerMain.run(new String[] {model}, stdin(EVENT + "\n"), out, print(err));
    int failed =
        ScorerMain.run(
            new String[] {model}, stdin(EVENT + "\n42\n"), new ByteArrayOutputStream(), print(err));

    assertThat(ok).isEqualTo(ScorerMain.EXIT_OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(new ScoreLines(SCORER).score(EVENT, 1) + "\n");
    assertThat(failed).isEqualTo(ScorerMain.EXIT_FAILED_LINES);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 of 2 lines could not be scored");
  }

  @Test
  void theCommandExitsTwoForBadUsageOrAnUnreadableModel() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int noModel = ScorerMain.run(new String[0], stdin(""), new ByteArrayOutputStream(), print(err));
    int missing =
        ScorerMain.run(
            new String[] {"/nonexistent/model.json"},
            stdin(""),
            new ByteArrayOutputStream(),
            print(err));

    assertThat(noModel).isEqualTo(ScorerMain.EXIT_USAGE);
    assertThat(missing).isEqualTo(ScorerMain.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Expected one argument, the model.json file; found 0.")
        .contains("Cannot load the model: cannot read model /nonexistent/model.json");
  }

  private static ByteArrayInputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
