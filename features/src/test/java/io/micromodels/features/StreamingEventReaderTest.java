package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.testing.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader must never accept what the tree-based reader rejects, and must give the same
 * event for what it accepts: the tree-based reading ({@link EventValidator#validate(ObjectNode)})
 * is the reference.
 */
class StreamingEventReaderTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final IngestLimits LIMITS = IngestLimits.defaults(NOW);
  private static final ObjectMapper TREE =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Path SAMPLES = Path.of("..", "data-samples");

  private final EventValidator validator = new EventValidator(LIMITS);
  private final StreamingEventReader reader = new StreamingEventReader(TREE.getFactory(), LIMITS);

  static Stream<String> unusualRows() {
    return Stream.of(
        EventJson.order("e").with("event_time", 1748772000000L).json(),
        EventJson.order("e").with("event_time", "2025-06-01T12:00:00+02:00").json(),
        EventJson.order("e").with("event_time", " 2025-06-01 08:00:00 ").json(),
        EventJson.order("e").with("event_time", "2025-06-01t10:00:00z").json(),
        EventJson.order("e").with("event_time", "2025-02-29T10:00:00Z").json(),
        EventJson.order("e").with("event_time", 1.5e12).json(),
        EventJson.order("e").with("amount", 12).json(),
        EventJson.order("e").with("amount", new BigDecimal("12.500")).json(),
        EventJson.order("e").with("amount", new BigDecimal("12.505")).json(),
        EventJson.order("e").with("amount", "12").json(),
        EventJson.order("e").with("live_score", 3).json(),
        EventJson.order("e").json().replace("71.5", "1e400"),
        EventJson.order("e").with("label", 1).json(),
        EventJson.order("e").with("label", 1.0).json(),
        EventJson.order("e").with("label", 3_000_000_000L).json(),
        EventJson.order("e").with("email", null).json(),
        EventJson.order("e").with("items", null).json(),
        EventJson.order("e").withJson("items", "[]").json(),
        EventJson.order("e").withJson("items", "[{\"name\":null,\"quantity\":2}]").json(),
        EventJson.order("e").withJson("items", "[{\"name\":\"a\",\"name\":\"b\"}]").json(),
        EventJson.order("e").withJson("items", "[{\"quantity\":2147483648}]").json(),
        EventJson.order("e").withJson("items", "[1]").json(),
        EventJson.order("e").withJson("payment_method", "{\"bin\":null}").json(),
        EventJson.order("e").withJson("payment_method", "{\"pin\":\"1\"}").json(),
        EventJson.order("e").withJson("attributes", "{\"a\":null,\"b\":\"x\"}").json(),
        EventJson.order("e").withJson("attributes", "{\"a\":null,\"a\":\"x\"}").json(),
        EventJson.order("e").withJson("attributes", "{\"a\":{\"b\":\"c\"}}").json(),
        EventJson.order("e").withJson("attributes", "{\"n\":1}").json(),
        EventJson.order("e").with("event_type", "store_opened").without("customer_id").json(),
        EventJson.order("e").with("customer_id", " ").json(),
        EventJson.order("e").with("client_id", "Acme").json(),
        EventJson.order("e").with("event_id", "x".repeat(129)).json(),
        EventJson.order("e").with("email", "a".repeat(4097)).json(),
        EventJson.order("e").with("extra", 1).json(),
        "{\"client_id\":\"acme\",\"client_id\":\"other\",\"event_id\":\"e\","
            + "\"event_type\":\"login\",\"event_time\":\"2025-06-01T00:00:00Z\",\"customer_id\":\"c\"}",
        "{\"client_id\":\"acme\",\"event_id\":\"e\",\"event_type\":\"login\","
            + "\"event_time\":123,\"event_time\":\"2025-06-01T00:00:00Z\",\"customer_id\":\"c\"}",
        EventJson.order("e").json() + " ",
        EventJson.order("e").json() + " {}",
        EventJson.order("e").json() + " x",
        "{}",
        "[]",
        "");
  }

  @ParameterizedTest
  @MethodSource("unusualRows")
  void acceptsOnlyWhatTheTreeReaderAcceptsAndReadsItTheSame(String json) {
    assertAgrees(json);
  }

  @Test
  void readsEveryValidBundledRowAndAgreesOnTheMessyOnes() throws IOException {
    List<String> clean = lines(SAMPLES.resolve("events"), 2_000);
    List<String> messy = lines(SAMPLES.resolve("messy"), Integer.MAX_VALUE);

    assertThat(clean).hasSizeGreaterThan(1_000);
    assertThat(messy).hasSizeGreaterThan(100);
    for (String line : clean) {
      assertThat(reader.read(line)).as(line).isNotNull();
      assertAgrees(line);
    }

    messy.forEach(this::assertAgrees);
  }

  @Test
  void validatorStillNamesTheProblemOfARowTheStreamingReaderLeftToIt() {
    Validation result =
        validator.validate(
            EventJson.order("e").with("amount", "12").json(), InputFormat.JSON_LINES);

    assertThat(result).isInstanceOf(Validation.Rejected.class);
    assertThat(((Validation.Rejected) result).detail())
        .startsWith("amount: expected a number, found string");
  }

  private void assertAgrees(String json) {
    if (json.getBytes(StandardCharsets.UTF_8).length > LIMITS.maxRowBytes()) {
      // Neither reader sees an oversized row.
      assertThat(validator.validate(json, InputFormat.JSON_LINES))
          .extracting(v -> ((Validation.Rejected) v).reason())
          .isEqualTo(RejectReason.OVERSIZED_ROW);
      return;
    }

    Event streamed = reader.read(json);
    Validation tree = treeValidation(json);
    if (streamed != null) {
      assertThat(tree).as(json).isInstanceOf(Validation.Accepted.class);
      assertThat(streamed).as(json).isEqualTo(((Validation.Accepted) tree).event());
    }

    Validation combined = validator.validate(json, InputFormat.JSON_LINES);
    assertThat(combined).as(json).isEqualTo(tree);
  }

  /**
   * The tree-based reading alone; rows that are not one JSON object are compared via the validator.
   */
  private Validation treeValidation(String json) {
    JsonNode node;
    try {
      node =
          TREE.readerFor(JsonNode.class)
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readValue(json);
    } catch (IOException | RuntimeException e) {
      node = null;
    }

    if (node instanceof ObjectNode object) {
      return validator.validate(object);
    }

    Validation result = validator.validate(json, InputFormat.JSON_LINES);
    assertThat(result).as(json).isInstanceOf(Validation.Rejected.class);
    return result;
  }

  private static List<String> lines(Path root, int limit) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".jsonl.gz"))
          .sorted()
          .flatMap(f -> read(f).stream().limit(limit))
          .filter(line -> !line.isBlank())
          .toList();
    }
  }

  private static List<String> read(Path file) {
    try (InputStream in = Files.newInputStream(file);
        InputStream plain = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(plain, StandardCharsets.UTF_8))) {
      return lines.lines().limit(100_000).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
