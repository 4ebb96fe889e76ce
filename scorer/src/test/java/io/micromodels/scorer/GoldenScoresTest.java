package io.micromodels.scorer;

import static io.micromodels.scorer.testing.GoldenFiles.INPUTS;
import static io.micromodels.scorer.testing.GoldenFiles.MODEL;
import static io.micromodels.scorer.testing.GoldenFiles.SCORES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.scorer.testing.GoldenFiles;
import io.micromodels.scorer.testing.ScorerFixtures;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.train.LabelledRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Golden files of {@code model.json} format version 1: a model trained by our trainer, decision
 * events and the scores they had when the files were made. A change to hashing, featurizers,
 * combiner, calibration, scale, policy or the format that moves any score fails here.
 *
 * <p>Regenerate (only for a deliberate change, and say why in the commit) from the repository root:
 *
 * <pre>
 * mvn -B -o -pl scorer -am test -Dtest=GoldenScoresTest -Dgolden.regenerate=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * which retrains the model from {@link ScorerFixtures} and rewrites {@code
 * scorer/src/test/resources/golden/}.
 */
class GoldenScoresTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theGoldenModelScoresTheGoldenEventsAsRecorded() {
    Scorer scorer = new Scorer(ModelFormat.read(GoldenFiles.path(MODEL)));
    ScoreLines lines = new ScoreLines(scorer);
    List<String> answers = new ArrayList<>();
    List<String> inputs = GoldenFiles.lines(INPUTS);
    for (int i = 0; i < inputs.size(); i++) {
      answers.add(lines.score(inputs.get(i), i + 1));
    }

    assertThat(answers).noneMatch(answer -> answer.contains("\"error\""));
    GoldenFiles.assertMatchesGoldenScores(answers);
  }

  /**
   * The golden model predates declared tabular transforms: its legacy {@code "identity"} column
   * (standardise and clip) reads as {@code clip}, scores as recorded (the test above) and renders
   * back under that name; it also predates {@code training.genuine_sample_rate}, which reads as 1
   * and is rendered; every other character is unchanged.
   */
  @Test
  void theGoldenModelIsFormatVersionOneAndRendersBackToTheSameText() throws IOException {
    String text = Files.readString(GoldenFiles.path(MODEL), StandardCharsets.UTF_8);
    ClientModel model = ModelFormat.fromJson(text, MODEL);
    String legacy = "\"transform\" : \"identity\"";

    assertThat(model.formatVersion()).isEqualTo(1);
    assertThat(model.scoring().micromodels())
        .extracting(m -> m.type())
        .containsExactly("email", "order_items", "tabular");
    assertThat(text).contains(legacy);
    assertThat(ModelFormat.toJson(model))
        .isEqualTo(
            text.replace(legacy, "\"transform\" : \"clip\"")
                .replace("\"folds\" : 4\n", "\"folds\" : 4,\n    \"genuine_sample_rate\" : 1.0\n"));
  }

  @Test
  void theGoldenEventsCoverEveryActionAndTheEdgeCases() {
    List<String> scores = GoldenFiles.lines(SCORES);

    assertThat(scores)
        .anyMatch(s -> s.contains("\"ALLOW\""))
        .anyMatch(s -> s.contains("\"REVIEW\""))
        .anyMatch(s -> s.contains("\"PREVENT\""));
    assertThat(GoldenFiles.lines(INPUTS))
        .hasSize(scores.size())
        .anyMatch(line -> !line.contains("\"email\""))
        .anyMatch(line -> line.contains("\"attributes\":{"));
  }

  @Test
  @EnabledIfSystemProperty(named = "golden.regenerate", matches = "true")
  void regenerateTheGoldenFiles() throws IOException {
    ClientModel model = ScorerFixtures.trainedModel();
    List<String> inputs = new ArrayList<>();
    for (Map<String, Object> event : goldenEvents()) {
      inputs.add(JSON.writeValueAsString(new TreeMap<>(event)));
    }

    ScoreLines lines = new ScoreLines(new Scorer(model));
    List<String> scores = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      scores.add(lines.score(inputs.get(i), i + 1));
    }

    Files.createDirectories(GoldenFiles.SOURCE_DIR);
    ModelFormat.write(model, GoldenFiles.SOURCE_DIR.resolve(MODEL));
    Files.write(GoldenFiles.SOURCE_DIR.resolve(INPUTS), inputs, StandardCharsets.UTF_8);
    Files.write(GoldenFiles.SOURCE_DIR.resolve(SCORES), scores, StandardCharsets.UTF_8);
  }

  /** Held-out orders of the fixture plus edge cases (absent, unicode, huge, textual values). */
  private static List<Map<String, Object>> goldenEvents() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (LabelledRow row : ScorerFixtures.orders(400, 99)) {
      if (events.size() < 8 || (row.label() > 0 && events.size() < 12)) {
        events.add(((MapInput) row.input()).values());
      }
    }

    Map<String, Object> base = events.get(0);
    events.add(edit(base, "edge-no-email", Map.of(), List.of("email")));
    events.add(
        edit(
            base,
            "edge-empty-basket",
            Map.of("item_names", List.of(), "item_categories", List.of()),
            List.of()));
    events.add(
        edit(
            base,
            "edge-unicode",
            Map.of(
                "email",
                "Søren.Müller+shop@Gmail.COM",
                "item_names",
                List.of("Crème brûlée", "日本酒"),
                "item_categories",
                List.of("desserts", "spirits")),
            List.of()));
    events.add(
        edit(
            base,
            "edge-absurd",
            Map.of(
                "email",
                "a".repeat(5000) + "@" + "b".repeat(400) + ".example",
                "amount",
                1e12,
                "account_age_days",
                -5.0,
                "customer.order_count_1h",
                1e6),
            List.of()));
    events.add(
        edit(
            base,
            "edge-text-numbers",
            Map.of("amount", "42.5", "time.night", true, "attributes", Map.of("store", "berlin-3")),
            List.of("account_age_days")));
    events.add(
        edit(
            base,
            "edge-spirits-burst",
            Map.of(
                "email",
                "q8x2k9zt@mailinator.com",
                "item_names",
                List.of("premium vodka", "champagne brut", "gift card 100"),
                "item_categories",
                List.of("spirits", "spirits", "gift_card"),
                "amount",
                290.0,
                "account_age_days",
                0.2,
                "customer.order_count_1h",
                5.0,
                "time.night",
                1),
            List.of()));
    return events;
  }

  private static Map<String, Object> edit(
      Map<String, Object> base, String eventId, Map<String, Object> set, List<String> remove) {
    Map<String, Object> event = new HashMap<>(base);
    event.put("event_id", eventId);
    event.putAll(set);
    remove.forEach(event::remove);
    return event;
  }
}
