package io.micromodels.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.scorer.testing.GoldenFiles;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input probe's {@code model.json} cases (issue 30): each used to load and change every
 * score; each is now refused when the model is read, naming what is wrong.
 */
class ModelValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theGoldenModelIsValid() {
    assertThat(ModelFormat.fromJson(golden(), "golden").clientId()).isEqualTo("golden-shop");
  }

  @Test
  void aModelWrittenBeforeTheGenuineSampleRateWasRecordedReadsAsUnsampled() {
    assertThat(golden()).doesNotContain("genuine_sample_rate");
    assertThat(ModelFormat.fromJson(golden(), "golden").training().genuineSampleRate())
        .isEqualTo(1.0);
  }

  @Test
  void aGenuineSampleRateOutsideZeroToOneIsRefused() {
    assertRefused(m -> m.with("training").put("genuine_sample_rate", 0), "genuine_sample_rate");
    assertRefused(m -> m.with("training").put("genuine_sample_rate", 1.5), "genuine_sample_rate");
  }

  @Test
  void aNonFiniteInterceptIsRefused() {
    String json = golden().replaceFirst("\"intercept\" : [-0-9.eE]+", "\"intercept\" : 1e400");
    assertThatThrownBy(() -> ModelFormat.fromJson(json, "m.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("m.json: invalid model")
        .hasMessageContaining(
            "$.scoring.micromodels[0].model.intercept: Infinity is not a finite" + " number");
  }

  @Test
  void anInterceptGivenAsTheStringInfinityIsRefused() {
    assertRefused(m -> micromodel(m, 0).with("model").put("intercept", "Infinity"), "intercept");
  }

  @Test
  void hashBucketsThatDoNotMatchTheModelsDimensionAreRefused() {
    assertRefused(
        m -> micromodel(m, 0).with("featurizer").with("hashing").put("buckets", 256),
        "micromodel email: its featurizer makes");
  }

  @Test
  void aCombinerColumnNamingNoMicromodelIsRefused() {
    assertRefused(
        m -> {
          ArrayNode columns =
              (ArrayNode) m.with("scoring").with("combiner").with("inputs").get("columns");
          columns.set(0, "micromodel.nosuch");
        },
        "the combiner reads [micromodel.nosuch] but there is no such micromodel");
  }

  @Test
  void noMicromodelsWhileTheCombinerNamesThemIsRefused() {
    assertRefused(
        m -> m.with("scoring").putArray("micromodels"),
        "there is no such micromodel (micromodels: [])");
  }

  @Test
  void policyThresholdsOutsideTheScoreScaleAreRefused() {
    assertRefused(m -> m.with("policy").put("prevent_at", 150.0), "prevent_at");
    assertRefused(m -> m.with("policy").put("review_at", -1.0), "review_at");
  }

  @Test
  void aKeyGivenTwiceIsRefusedAsAmbiguous() {
    String json = golden().replaceFirst("\\{", "{ \"client_id\" : \"other\",");
    assertThatThrownBy(() -> ModelFormat.fromJson(json, "m.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("Duplicate field 'client_id'");
  }

  @Test
  void textAfterTheModelIsRefused() {
    assertThatThrownBy(() -> ModelFormat.fromJson(golden() + " {}", "m.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("m.json");
  }

  @Test
  void theScorerExitsTwoNamingTheProblemInsteadOfScoring() throws IOException {
    Path model = dir.resolve("model.json");
    Files.writeString(
        model, golden().replaceFirst("\"intercept\" : [-0-9.eE]+", "\"intercept\" : 1e400"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        ScorerMain.run(
            new String[] {model.toString()},
            new ByteArrayInputStream("{\"event_id\":\"e\"}\n".getBytes(StandardCharsets.UTF_8)),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Cannot load the model")
        .contains("is not a finite number");
  }

  private static void assertRefused(Consumer<ObjectNode> mutation, String expected) {
    ObjectNode model = tree();
    mutation.accept(model);
    String json = model.toPrettyString();
    assertThatThrownBy(() -> ModelFormat.fromJson(json, "m.json"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("m.json: invalid model")
        .hasMessageContaining(expected);
  }

  private static ObjectNode micromodel(ObjectNode model, int index) {
    return (ObjectNode) model.with("scoring").get("micromodels").get(index);
  }

  static ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(golden());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String golden() {
    try {
      return Files.readString(GoldenFiles.path(GoldenFiles.MODEL));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
