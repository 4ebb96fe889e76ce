package io.micromodels.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's live model must not know the fraud truth (issue 26): its score is recomputed here
 * from the generated log alone, the visible fields of each order and the customer's earlier events
 * in the log, and must equal the logged score for every order, fraudulent or not.
 */
class LiveModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SampleSpec SPEC =
      new SampleSpec(
          4, 4000, 160, 42L, SampleSpec.DEFAULT_START, 0, SampleSpec.Compression.NONE, 0);
  private static final List<JsonNode> EVENTS = new ArrayList<>();

  @BeforeAll
  static void generate() {
    for (Shard shard : ShardGenerator.shards(SPEC)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        new ShardGenerator(SPEC).write(shard, out);
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
          EVENTS.add(JSON.readTree(line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void everyLoggedLiveScoreIsTheScorecardOfWhatTheLogShows() {
    Map<String, List<JsonNode>> byCustomer = new HashMap<>();
    Set<String> fraudOrders = new HashSet<>();
    for (JsonNode e : EVENTS) {
      byCustomer
          .computeIfAbsent(
              e.get("client_id").asText() + "/" + e.get("customer_id").asText(),
              k -> new ArrayList<>())
          .add(e);
      String type = e.get("event_type").asText();
      if (type.equals("chargeback") || type.equals("fraud_report")) {
        fraudOrders.add(e.get("ref_event_id").asText()); // only fraud gets these labels
      }
    }

    int checked = 0;
    int fraudChecked = 0;
    int flagged = 0;
    for (List<JsonNode> events : byCustomer.values()) {
      // The generator's order of events: the sequence number that ends each event id.
      events.sort(Comparator.comparingInt(LiveModelTest::sequence));
      Instant signup = null;
      List<Instant> earlierOrders = new ArrayList<>();
      Set<String> earlierCards = new HashSet<>();
      for (JsonNode e : events) {
        String type = e.get("event_type").asText();
        if (type.equals("account_created")) {
          signup = Instant.parse(e.get("event_time").asText());
        } else if (type.equals("order")) {
          String id = e.get("event_id").asText();
          LiveModel.Signals signals = LiveModel.Signals.of(e, signup, earlierOrders, earlierCards);
          double expected =
              LiveModel.logged(LiveModel.score(signals, LiveModel.noise(SPEC.seed(), id)));
          assertThat(e.get("live_score").asDouble()).as(id + " " + signals).isEqualTo(expected);
          assertThat(e.get("live_action").asText()).as(id).isEqualTo(LiveModel.action(expected));
          earlierOrders.add(Instant.parse(e.get("event_time").asText()));
          earlierCards.add(e.get("payment_method").get("fingerprint").asText());
          checked++;
          fraudChecked += fraudOrders.contains(id) ? 1 : 0;
          flagged += expected >= LiveModel.REVIEW ? 1 : 0;
        }
      }
    }

    assertThat(checked).isGreaterThan(20_000);
    assertThat(fraudChecked).as("orders known to be fraud").isGreaterThan(200);
    assertThat(flagged).as("orders the live model reviews or prevents").isGreaterThan(100);
  }

  private static int sequence(JsonNode event) {
    String id = event.get("event_id").asText();
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  @Test
  void theScorecardHasNoInputForTheFraudTruth() {
    assertThat(
            Arrays.stream(LiveModel.Signals.class.getRecordComponents())
                .map(RecordComponent::getName))
        .containsExactly(
            "disposableDomain",
            "emailDigits",
            "riskyShare",
            "amount",
            "countryMismatch",
            "welcomePromotion",
            "shortLeadTime",
            "accountAgeDays",
            "ordersLast24h",
            "cardsUsed");
    for (Method method : LiveModel.class.getDeclaredMethods()) {
      if (method.getName().equals("score")) {
        assertThat(method.getParameterTypes())
            .containsExactly(LiveModel.Signals.class, double.class);
      }
    }
  }

  @Test
  void aFraudulentAndAGenuineOrderWithTheSameVisibleFieldsGetTheSameScore() throws IOException {
    // The sink's order() is told the truth (it shapes the basket and the labels): whatever it
    // is told, the score is the scorecard of the order as logged, with the same noise.
    ClientProfile client = ClientCatalogue.first(1).get(0);
    Instant start = SampleSpec.DEFAULT_START.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    Instant at = start.plusSeconds(3 * 86_400);
    int sameSignals = 0;
    for (int seed = 0; seed < 3000; seed++) {
      double[] scores = new double[2];
      LiveModel.Signals[] signals = new LiveModel.Signals[2];
      for (int f = 0; f < 2; f++) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Person person = Person.create(new SplittableRandom(seed), client, seed, false);
        EventSink sink = new EventSink(client, person, start.plusSeconds(160L * 86_400), 42L);
        sink.accountCreated(start);
        sink.order(rnd, at, f == 1, person.cards().get(0));
        JsonNode order = JSON.readTree(sink.events().get(1).json());
        signals[f] = LiveModel.Signals.of(order, start, List.of(), Set.of());
        scores[f] = order.get("live_score").asDouble();
        assertThat(scores[f])
            .isEqualTo(
                LiveModel.logged(
                    LiveModel.score(
                        signals[f], LiveModel.noise(42L, order.get("event_id").asText()))));
      }

      if (signals[0].equals(signals[1])) {
        sameSignals++;
        assertThat(scores[1]).as("fraud flag flipped, seed " + seed).isEqualTo(scores[0]);
      }
    }

    assertThat(sameSignals)
        .as("draws where the flag left the visible order alone")
        .isGreaterThan(10);
  }

  @Test
  void noSignalAloneMakesTheLiveModelReviewAnOrder() {
    LiveModel.Signals plain =
        new LiveModel.Signals(false, 0, 0, 30, false, false, false, 200, 0, 1);
    List<LiveModel.Signals> single =
        List.of(
            new LiveModel.Signals(true, 0, 0, 30, false, false, false, 200, 0, 1),
            new LiveModel.Signals(false, 9, 0, 30, false, false, false, 200, 0, 1),
            new LiveModel.Signals(false, 0, 1, 30, false, false, false, 200, 0, 1),
            new LiveModel.Signals(false, 0, 0, 3000, false, false, false, 200, 0, 1),
            new LiveModel.Signals(false, 0, 0, 30, true, false, false, 200, 0, 1),
            new LiveModel.Signals(false, 0, 0, 30, false, true, false, 200, 0, 1),
            new LiveModel.Signals(false, 0, 0, 30, false, false, true, 200, 0, 1),
            new LiveModel.Signals(false, 0, 0, 30, false, false, false, 0.1, 0, 1),
            new LiveModel.Signals(false, 0, 0, 30, false, false, false, 200, 1, 1),
            new LiveModel.Signals(false, 0, 0, 30, false, false, false, 200, 0, 2));
    for (LiveModel.Signals signals : single) {
      assertThat(LiveModel.score(signals, 0))
          .as(signals.toString())
          .isGreaterThan(LiveModel.score(plain, 0))
          .isLessThan(LiveModel.REVIEW);
    }

    LiveModel.Signals all = new LiveModel.Signals(true, 5, 1, 900, true, true, true, 0.1, 2, 3);
    assertThat(LiveModel.score(all, 0)).isGreaterThanOrEqualTo(LiveModel.PREVENT);
    assertThat(LiveModel.noise(42L, "dashfood-0000001-004"))
        .isEqualTo(LiveModel.noise(42L, "dashfood-0000001-004"))
        .isNotEqualTo(LiveModel.noise(43L, "dashfood-0000001-004"));
  }
}
