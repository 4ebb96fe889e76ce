package io.micromodels.scorer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The golden files of {@code model.json} format version 1 (STYLE.md §8), in {@code
 * src/test/resources/golden/}: {@code model.json}, {@code inputs.jsonl} (decision events as the
 * scorer CLI reads them) and {@code scores.jsonl} (what the scorer answered when they were made).
 * {@code GoldenScoresTest} says how to regenerate them.
 */
public final class GoldenFiles {
  /** The largest difference allowed between a golden and a computed double. */
  public static final double TOLERANCE = 1e-12;

  public static final String MODEL = "model.json";
  public static final String INPUTS = "inputs.jsonl";
  public static final String SCORES = "scores.jsonl";

  /** Where regeneration writes, relative to the module directory (surefire's working folder). */
  public static final Path SOURCE_DIR = Path.of("src", "test", "resources", "golden");

  private static final ObjectMapper JSON = new ObjectMapper();

  private GoldenFiles() {}

  /** A golden file as the test classpath holds it. */
  public static Path path(String name) {
    try {
      return Path.of(GoldenFiles.class.getResource("/golden/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("golden file " + name + " is not on the test classpath", e);
    }
  }

  /** The non-blank lines of a golden file. */
  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that scorer output lines match the golden ones: the same events, actions and
   * contribution names in the same order, and every double within {@link #TOLERANCE}.
   */
  public static void assertMatchesGoldenScores(List<String> actual) {
    List<String> expected = lines(SCORES);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = parse(expected.get(i));
      JsonNode got = parse(actual.get(i));
      String where = "line " + (i + 1) + " of " + SCORES;
      assertThat(got.path("event_id").asText()).as(where).isEqualTo(want.path("event_id").asText());
      assertThat(got.path("action").asText()).as(where).isEqualTo(want.path("action").asText());
      assertThat(got.path("score").asDouble())
          .as(where)
          .isCloseTo(want.path("score").asDouble(), offset(TOLERANCE));
      assertThat(got.path("probability").asDouble())
          .as(where)
          .isCloseTo(want.path("probability").asDouble(), offset(TOLERANCE));
      assertThat(names(got.path("contributions")))
          .as(where)
          .containsExactlyElementsOf(names(want.path("contributions")));
      want.path("contributions")
          .fields()
          .forEachRemaining(
              c ->
                  assertThat(got.path("contributions").path(c.getKey()).asDouble())
                      .as(where + ", " + c.getKey())
                      .isCloseTo(c.getValue().asDouble(), offset(TOLERANCE)));
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
  }
}
