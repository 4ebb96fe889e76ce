package io.micromodels.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.registry.testing.Feeds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedTest {
  static final Instant NOW = Instant.parse("2026-03-02T05:00:00Z");

  @Test
  void aFeedShowsProductionPerModelAndTheEventsAfterTheCursor() {
    RegistryStateTest.Log log =
        new RegistryStateTest.Log()
            .publish(RegistryStateTest.ACME, 1)
            .blocked(RegistryStateTest.ACME)
            .promote(1);
    ObjectNode feed = Feed.of(log.state(), 4, 1, NOW);

    assertThat(SchemaValidator.feed().problems(feed)).isEmpty();
    assertThat(Feeds.seqs(feed)).containsExactly(2L, 3L);
    assertThat(feed.at("/cursor/next").asLong()).isEqualTo(3);
    assertThat(feed.at("/events/0/kind").asText()).isEqualTo("blocked");
    assertThat(feed.at("/events/0/version").isNull()).isTrue();
    JsonNode production = feed.at("/models/0/production");
    assertThat(production.get("version").asInt()).isEqualTo(1);
    assertThat(production.get("aliases").get(0).asText()).isEqualTo("champion");
    assertThat(production.get("manifest_uri").asText()).isEqualTo("file:/r/v1/manifest.json");
    assertThat(production.get("manifest_sha256").asText()).isEqualTo(RegistryStateTest.SHA);
  }

  @Test
  void pollingWithTheReturnedCursorSeesEveryEventOnce() {
    RegistryStateTest.Log log = new RegistryStateTest.Log().publish(RegistryStateTest.ACME, 1);
    ObjectNode first = Feed.of(log.state(), 1, 0, NOW);
    log.publish(RegistryStateTest.ACME, 2).promote(2);
    ObjectNode second = Feed.of(log.state(), 3, first.at("/cursor/next").asLong(), NOW);
    ObjectNode third = Feed.of(log.state(), 3, second.at("/cursor/next").asLong(), NOW);

    assertThat(Feeds.seqs(first)).containsExactly(1L);
    assertThat(Feeds.seqs(second)).containsExactly(2L, 3L);
    assertThat(Feeds.seqs(third)).isEmpty();
    assertThat(third.at("/cursor/next").asLong()).isEqualTo(3);
  }

  @Test
  void anEmptyRegistryHasAnEmptyValidFeed() {
    ObjectNode feed = Feed.of(RegistryState.empty(), -1, 0, NOW);

    assertThat(SchemaValidator.feed().problems(feed)).isEmpty();
    assertThat(feed.get("models")).isEmpty();
  }

  @Test
  void aCursorAheadOfTheRegistryIsRefused() {
    assertThatThrownBy(() -> Feed.of(RegistryState.empty(), -1, 5, NOW))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("Feed cursor 5 is not between 0 and the registry's last event 0");
  }

  @Test
  void aDamagedFeedFailsItsSchema() {
    ObjectNode feed =
        Feed.of(new RegistryStateTest.Log().publish(RegistryStateTest.ACME, 1).state(), 1, 0, NOW);
    ((ObjectNode) feed.at("/events/0")).put("kind", "deleted");

    assertThat(SchemaValidator.feed().problems(feed)).singleElement().asString().contains("kind");
  }
}
