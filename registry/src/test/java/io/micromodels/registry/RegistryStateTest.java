package io.micromodels.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistryStateTest {
  static final ModelRef ACME = ModelRef.of("acme");
  static final Instant T = Instant.parse("2026-03-02T00:00:00Z");
  static final String SHA = "a".repeat(64);

  /** A log of publishes of versions 1..n, appended to as operations happen. */
  static final class Log {
    final List<RegistryEvent> events = new ArrayList<>();

    Log publish(ModelRef ref, int version) {
      return add(
          new RegistryEvent(
              events.size() + 1,
              UUID.randomUUID().toString(),
              T,
              EventKind.PUBLISHED,
              ref,
              version,
              Status.PUBLISHED,
              null,
              T,
              "file:/r/v" + version,
              SHA,
              "nightly",
              "all gate checks passed",
              "c" + version));
    }

    Log blocked(ModelRef ref) {
      return add(
          new RegistryEvent(
              events.size() + 1,
              UUID.randomUUID().toString(),
              T,
              EventKind.BLOCKED,
              ref,
              null,
              Status.CANDIDATE,
              null,
              T,
              "file:/r/blocked",
              SHA,
              "nightly",
              "blocked by the gate: pr_auc",
              "blocked-candidate"));
    }

    Log add(RegistryEvent e) {
      events.add(e);
      return this;
    }

    RegistryState state() {
      return RegistryState.replay(events);
    }

    Log promote(int version) {
      return add(state().promote(ACME, version, "alice", "better pr_auc", T));
    }

    Log rollback() {
      return add(state().rollback(ACME, "bob", "alerts spiked", T));
    }
  }

  private static List<String> statuses(RegistryState s) {
    return s.versions(ACME).stream()
        .map(v -> "v" + v.version() + "=" + v.status().label())
        .toList();
  }

  @Test
  void publishedVersionsCountUpAndBlockedCandidatesTakeNoNumber() {
    RegistryState s = new Log().publish(ACME, 1).blocked(ACME).publish(ACME, 2).state();

    assertThat(statuses(s)).containsExactly("v1=published", "v2=published");
    assertThat(s.nextVersion(ACME)).isEqualTo(3);
    assertThat(s.nextVersion(ModelRef.of("other"))).isEqualTo(1);
    assertThat(s.blocked(ACME))
        .singleElement()
        .extracting(RegistryEvent::reason)
        .isEqualTo("blocked by the gate: pr_auc");
    assertThat(s.production(ACME)).isEmpty();
  }

  @Test
  void promoteMakesOneProductionAndReturnsThePreviousToPublished() {
    Log log = new Log().publish(ACME, 1).publish(ACME, 2).promote(1).promote(2);
    RegistryState s = log.state();

    assertThat(statuses(s)).containsExactly("v1=published", "v2=production");
    RegistryEvent last = s.events().get(3);
    assertThat(last.kind()).isEqualTo(EventKind.PROMOTED);
    assertThat(last.previous()).isEqualTo(1);
    assertThat(last.actor()).isEqualTo("alice");
    assertThat(s.version(ACME, 2).orElseThrow().reason()).isEqualTo("better pr_auc");
  }

  @Test
  void rollbackReturnsToThePreviousProductionAndArchivesTheCurrent() {
    Log log =
        new Log()
            .publish(ACME, 1)
            .publish(ACME, 2)
            .publish(ACME, 3)
            .promote(1)
            .promote(2)
            .promote(3)
            .rollback();

    assertThat(statuses(log.state()))
        .containsExactly("v1=published", "v2=production", "v3=archived");
    log.rollback();
    assertThat(statuses(log.state()))
        .containsExactly("v1=production", "v2=archived", "v3=archived");
    assertThat(log.state().events().get(7).actor()).isEqualTo("bob");
  }

  @Test
  void rollbackSkipsArchivedVersionsAndFailsWhenNothingRemains() {
    Log log = new Log().publish(ACME, 1).publish(ACME, 2).promote(1).promote(2).rollback();

    assertThatThrownBy(log::rollback)
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "Cannot roll back micromodels.acme.fraud: v1 is production and no earlier"
                + " production version remains un-archived. Promote a version explicitly instead.");
    log.promote(2); // an archived version comes back only when promoted explicitly
    assertThat(statuses(log.state())).containsExactly("v1=published", "v2=production");
  }

  @Test
  void productionHistoryIsLatestFirstOnceEachWithoutArchivedVersions() {
    Log log =
        new Log()
            .publish(ACME, 1)
            .publish(ACME, 2)
            .publish(ACME, 3)
            .promote(1)
            .promote(2)
            .promote(1)
            .promote(3);

    assertThat(log.state().productionHistory(ACME))
        .extracting(VersionEntry::version)
        .containsExactly(3, 1, 2);
    log.rollback();
    assertThat(log.state().productionHistory(ACME))
        .as("v3 rolled back: archived")
        .extracting(VersionEntry::version)
        .containsExactly(1, 2);
    assertThat(new Log().publish(ACME, 1).state().productionHistory(ACME)).isEmpty();
  }

  @Test
  void theLatestRecordIsTheLastPublishOrBlockNotAPromotion() {
    Log log = new Log().publish(ACME, 1).blocked(ACME);
    assertThat(log.state().latestRecord(ACME)).map(RegistryEvent::kind).hasValue(EventKind.BLOCKED);
    log.publish(ACME, 2).promote(2);
    assertThat(log.state().latestRecord(ACME)).map(RegistryEvent::version).hasValue(2);
    assertThat(log.state().latestRecord(ModelRef.of("other"))).isEmpty();
  }

  @Test
  void promoteRefusesUnknownAndCurrentVersionsAndNeedsWhoAndWhy() {
    Log log = new Log().publish(ACME, 1).promote(1);

    assertThatThrownBy(() -> log.promote(7))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("Model micromodels.acme.fraud has no version 7; it has [v1].");
    assertThatThrownBy(() -> log.promote(1))
        .isInstanceOf(RegistryException.class)
        .hasMessage("Cannot promote micromodels.acme.fraud v1: it is production already.");
    assertThatThrownBy(() -> log.state().promote(ACME, 1, " ", "x", T))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("non-empty actor");
    assertThatThrownBy(() -> new Log().publish(ACME, 1).state().rollback(ACME, "a", "b", T))
        .hasMessageContaining("it has no production version");
  }

  @Test
  void aCandidateIsFoundAgainByItsDigestAndDecision() {
    RegistryState s = new Log().publish(ACME, 1).blocked(ACME).publish(ACME, 2).state();

    assertThat(s.recorded(ACME, "c2", EventKind.PUBLISHED))
        .get()
        .extracting(RegistryEvent::version)
        .isEqualTo(2);
    assertThat(s.recorded(ACME, "blocked-candidate", EventKind.BLOCKED)).isPresent();
    assertThat(s.recorded(ACME, "blocked-candidate", EventKind.PUBLISHED)).isEmpty();
    assertThat(s.recorded(ModelRef.of("other"), "c2", EventKind.PUBLISHED)).isEmpty();
  }

  @Test
  void aLogWithAGapIsABrokenInvariant() {
    Log log = new Log().publish(ACME, 1).publish(ACME, 2);
    log.events.remove(0);

    assertThatThrownBy(log::state)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry log broken: event #1 has seq 2");
  }

  @Test
  void historyOfAVersionListsEveryEventThatTouchedIt() {
    RegistryState s = new Log().publish(ACME, 1).publish(ACME, 2).promote(1).promote(2).state();

    assertThat(s.history(ACME, 1))
        .extracting(RegistryEvent::kind)
        .containsExactly(EventKind.PUBLISHED, EventKind.PROMOTED, EventKind.PROMOTED);
  }
}
