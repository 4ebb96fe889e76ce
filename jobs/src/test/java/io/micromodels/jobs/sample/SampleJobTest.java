package io.micromodels.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.EventValidator;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.InputFormat;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.Validation;
import io.micromodels.features.testing.SharedSpark;
import io.micromodels.jobs.sample.spark.SampleJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SampleSpec SPEC =
      new SampleSpec(6, 3000, 120, 7L, SampleSpec.DEFAULT_START, 0, SampleSpec.Compression.GZIP, 0);
  private static Path first;

  @BeforeAll
  static void generate() {
    first = SharedSpark.newDirectory("sample-a");
    new SampleJob(SharedSpark.session()).run(SPEC, first.toString());
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Path second = SharedSpark.newDirectory("sample-b");
    new SampleJob(SharedSpark.session()).run(SPEC, second.toString());

    List<Path> files = files(first);
    assertThat(files).hasSizeGreaterThan(6);
    assertThat(files(second)).containsExactlyElementsOf(files);
    for (Path relative : files) {
      assertThat(Files.readAllBytes(second.resolve(relative)))
          .as(relative.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(relative)));
    }
  }

  @Test
  void anotherSeedGivesOtherEvents() throws IOException {
    Path other = SharedSpark.newDirectory("sample-c");
    SampleSpec reseeded =
        new SampleSpec(
            6, 3000, 120, 8L, SampleSpec.DEFAULT_START, 0, SampleSpec.Compression.GZIP, 0);
    new SampleJob(SharedSpark.session()).run(reseeded, other.toString());

    Path dashfood = Path.of("events/dashfood/part-00000.jsonl.gz");
    assertThat(Files.readAllBytes(other.resolve(dashfood)))
        .isNotEqualTo(Files.readAllBytes(first.resolve(dashfood)));
  }

  @Test
  void aShardGeneratedAloneEqualsTheFileSparkWrote() throws IOException {
    Shard shard = ShardGenerator.shards(SPEC).get(2);
    ByteArrayOutputStream alone = new ByteArrayOutputStream();

    new ShardGenerator(SPEC).write(shard, alone);

    assertThat(alone.toByteArray())
        .isEqualTo(Files.readAllBytes(first.resolve(shard.fileName(SPEC.compression()))));
  }

  @Test
  void everyGeneratedRowPassesTheEventContract() {
    EventValidator validator = new EventValidator(IngestLimits.defaults(Instant.now()));
    for (String line : allLines(first)) {
      Validation result = validator.validate(line, InputFormat.JSON_LINES);
      assertThat(result).as(line).isInstanceOf(Validation.Accepted.class);
    }
  }

  @Test
  void fraudRatesAreWithinTheClientsRangesAndNearTheirTargets() throws IOException {
    JsonNode perClient = JSON.readTree(first.resolve("sample.json").toFile()).get("per_client");
    for (ClientProfile client : ClientCatalogue.first(SPEC.clients())) {
      JsonNode counts = perClient.get(client.clientId());
      double rate = counts.get("fraud_orders").asDouble() / counts.get("orders").asDouble();
      assertThat(rate).as(client.clientId()).isBetween(0.004, 0.06);
      if (counts.get("orders").asLong() > 2000) {
        assertThat(rate)
            .as(client.clientId())
            .isCloseTo(client.fraudRate(), within(client.fraudRate() * 0.6));
      }
    }
  }

  @Test
  void labelsArriveTenToNinetyDaysAfterTheOrderAndReviewsOnlyFollowReviewedOrders() {
    Map<String, JsonNode> orders = new HashMap<>();
    List<JsonNode> labels = new ArrayList<>();
    for (String line : allLines(first)) {
      JsonNode event = parse(line);
      String type = event.get("event_type").asText();
      if (type.equals("order")) {
        orders.put(event.get("event_id").asText(), event);
      } else if (event.has("ref_event_id")) {
        labels.add(event);
      }
    }

    assertThat(labels).hasSizeGreaterThan(20);
    for (JsonNode label : labels) {
      JsonNode order = orders.get(label.get("ref_event_id").asText());
      assertThat(order).as("order of " + label).isNotNull();
      double days =
          Duration.between(
                      Instant.parse(order.get("event_time").asText()),
                      Instant.parse(label.get("event_time").asText()))
                  .toSeconds()
              / 86_400.0;
      if (label.get("event_type").asText().equals("review_decision")) {
        assertThat(order.get("live_action").asText()).isEqualTo("REVIEW");
        assertThat(days).isBetween(0.0, 3.1);
      } else {
        assertThat(label.get("label").asInt()).isEqualTo(1);
        assertThat(days).isBetween(10.0, 90.0);
      }
    }
  }

  @Test
  void badRowsAreInjectedAtTheRequestedFractionAndRejectedByValidation() {
    SampleSpec messy =
        new SampleSpec(
            2, 300, 30, 3L, SampleSpec.DEFAULT_START, 0.2, SampleSpec.Compression.NONE, 0);
    Path out = SharedSpark.newDirectory("messy");
    new SampleJob(SharedSpark.session()).run(messy, out.toString());
    EventValidator validator = new EventValidator(IngestLimits.defaults(Instant.now()));

    List<String> lines = allLines(out);
    long rejected =
        lines.stream()
            .filter(
                l -> validator.validate(l, InputFormat.JSON_LINES) instanceof Validation.Rejected)
            .count();

    double fraction = rejected / (double) lines.size();
    assertThat(fraction).isBetween(0.10, 0.22);
  }

  @Test
  void refusesToMixTwoSamplesInOneFolder() {
    assertThatThrownBy(() -> new SampleJob(SharedSpark.session()).run(SPEC, first.toString()))
        .isInstanceOf(MicromodelsException.class)
        .hasMessageContaining("already has an events/ folder");
  }

  @Test
  void writesAnAssertionListPerClient() throws IOException {
    List<String> dashfood = Files.readAllLines(first.resolve("assertions/dashfood.csv"));

    assertThat(dashfood.get(0)).isEqualTo("customer_id,reason");
    assertThat(dashfood.size()).isBetween(2, 26);
    assertThat(dashfood.get(1)).startsWith("cu-");
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static List<String> allLines(Path root) {
    List<String> lines = new ArrayList<>();
    try {
      for (Path relative : files(root)) {
        String name = relative.toString();
        if (!name.contains(".jsonl")) {
          continue;
        }

        try (InputStream in =
            name.endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(root.resolve(relative)))
                : Files.newInputStream(root.resolve(relative))) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          text.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return lines;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
