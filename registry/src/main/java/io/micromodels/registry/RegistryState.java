package io.micromodels.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The registry replayed from its event log: every version's status, the production version of each
 * model and its production history. Also decides the next event of a promote or rollback, so the
 * rules live in one place and are tested without Spark.
 */
public final class RegistryState {
  private final List<RegistryEvent> events;
  private final Map<ModelRef, TreeMap<Integer, VersionEntry>> versions = new LinkedHashMap<>();
  private final Map<ModelRef, List<Integer>> productionHistory = new LinkedHashMap<>();

  private RegistryState(List<RegistryEvent> ordered) {
    this.events = List.copyOf(ordered);
    ordered.forEach(this::apply);
  }

  /**
   * Replays events in {@code seq} order.
   *
   * @throws IllegalStateException when the sequence has a gap or a duplicate (a broken log)
   */
  public static RegistryState replay(List<RegistryEvent> events) {
    List<RegistryEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparingLong(RegistryEvent::seq));
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).seq() != i + 1) {
        throw new IllegalStateException(
            "registry log broken: event #" + (i + 1) + " has seq " + ordered.get(i).seq());
      }
    }

    return new RegistryState(ordered);
  }

  public static RegistryState empty() {
    return new RegistryState(List.of());
  }

  /**
   * This state with one more event, the next in seq order: how a batch derives each event from the
   * state its predecessors leave.
   *
   * @throws IllegalStateException when the event's seq is not the next
   */
  public RegistryState with(RegistryEvent next) {
    if (next.seq() != lastSeq() + 1) {
      throw new IllegalStateException("event " + next.seq() + " does not follow " + lastSeq());
    }

    List<RegistryEvent> more = new ArrayList<>(events);
    more.add(next);
    return new RegistryState(more);
  }

  private void apply(RegistryEvent e) {
    TreeMap<Integer, VersionEntry> byVersion =
        versions.computeIfAbsent(e.ref(), r -> new TreeMap<>());
    switch (e.kind()) {
      case BLOCKED, REFUSED -> {}
      case PUBLISHED ->
          byVersion.put(
              e.version(),
              new VersionEntry(
                  e.ref(),
                  e.version(),
                  e.status(),
                  e.created(),
                  e.location(),
                  e.manifestSha256(),
                  e.actor(),
                  e.reason(),
                  e.seq()));
      case PROMOTED, ROLLED_BACK -> {
        if (e.previous() != null) {
          Status old = e.kind() == EventKind.PROMOTED ? Status.PUBLISHED : Status.ARCHIVED;
          byVersion.computeIfPresent(e.previous(), (v, entry) -> entry.withChange(old, e));
        }

        byVersion.computeIfPresent(e.version(), (v, entry) -> entry.withChange(e.status(), e));
        productionHistory.computeIfAbsent(e.ref(), r -> new ArrayList<>()).add(e.version());
      }
      default -> throw new IllegalStateException("unknown event kind " + e.kind());
    }
  }

  /** The events in order. */
  public List<RegistryEvent> events() {
    return events;
  }

  /** The events after a feed cursor (a {@code seq}), in order. */
  public List<RegistryEvent> eventsAfter(long cursor) {
    return events.stream().filter(e -> e.seq() > cursor).toList();
  }

  /** The last event's seq, 0 for an empty registry. */
  public long lastSeq() {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
  }

  /** Every model with at least one event, by client then model. */
  public List<ModelRef> models() {
    TreeSet<ModelRef> refs =
        new TreeSet<>(Comparator.comparing(ModelRef::client).thenComparing(ModelRef::model));
    refs.addAll(versions.keySet());
    return List.copyOf(refs);
  }

  /** A model's released versions in increasing version. */
  public List<VersionEntry> versions(ModelRef ref) {
    return List.copyOf(versions.getOrDefault(ref, new TreeMap<>()).values());
  }

  public Optional<VersionEntry> version(ModelRef ref, int version) {
    return Optional.ofNullable(versions.getOrDefault(ref, new TreeMap<>()).get(version));
  }

  /** The blocked candidates of a model, oldest first. */
  public List<RegistryEvent> blocked(ModelRef ref) {
    return events.stream()
        .filter(e -> e.kind() == EventKind.BLOCKED && e.ref().equals(ref))
        .toList();
  }

  public Optional<VersionEntry> production(ModelRef ref) {
    return versions(ref).stream().filter(v -> v.status() == Status.PRODUCTION).findFirst();
  }

  /**
   * The versions a model has had in production, the current one first, then the earlier ones from
   * the latest promotion back; each once, archived (rolled back) ones left out.
   */
  public List<VersionEntry> productionHistory(ModelRef ref) {
    List<Integer> order = productionHistory.getOrDefault(ref, List.of());
    LinkedHashSet<Integer> latestFirst = new LinkedHashSet<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      latestFirst.add(order.get(i));
    }

    return latestFirst.stream()
        .map(v -> version(ref, v).orElseThrow())
        .filter(v -> v.status() != Status.ARCHIVED)
        .toList();
  }

  /**
   * The earlier publish (kind {@code PUBLISHED}) or blocked record (kind {@code BLOCKED}) of the
   * same candidate, if any: what makes publish idempotent when a pipeline task is retried.
   */
  public Optional<RegistryEvent> recorded(ModelRef ref, String candidateSha256, EventKind kind) {
    return events.stream()
        .filter(
            e ->
                e.kind() == kind
                    && e.ref().equals(ref)
                    && candidateSha256.equals(e.candidateSha256()))
        .findFirst();
  }

  /** A model's latest publish or blocked record: the last candidate that went through publish. */
  public Optional<RegistryEvent> latestRecord(ModelRef ref) {
    return events.stream()
        .filter(
            e ->
                e.ref().equals(ref)
                    && (e.kind() == EventKind.PUBLISHED || e.kind() == EventKind.BLOCKED))
        .reduce((first, second) -> second);
  }

  /** The version the next publish of a model gets: one more than the highest released. */
  public int nextVersion(ModelRef ref) {
    TreeMap<Integer, VersionEntry> byVersion = versions.get(ref);
    return byVersion == null || byVersion.isEmpty() ? 1 : byVersion.lastKey() + 1;
  }

  /** The events that concern one version, oldest first. */
  public List<RegistryEvent> history(ModelRef ref, int version) {
    return events.stream()
        .filter(
            e ->
                e.ref().equals(ref)
                    && (Integer.valueOf(version).equals(e.version())
                        || Integer.valueOf(version).equals(e.previous())))
        .toList();
  }

  /**
   * The event that makes {@code version} production.
   *
   * @throws RegistryException when the version does not exist, is production already
   */
  public RegistryEvent promote(
      ModelRef ref, int version, String actor, String reason, Instant time) {
    RegistryErrors.required(actor, "actor");
    RegistryErrors.required(reason, "reason");
    VersionEntry target =
        version(ref, version)
            .orElseThrow(() -> RegistryErrors.noSuchVersion(ref, version, versions(ref)));
    if (target.status() == Status.PRODUCTION) {
      throw RegistryErrors.alreadyProduction(ref, version);
    }

    Integer previous = production(ref).map(VersionEntry::version).orElse(null);
    return change(EventKind.PROMOTED, target, previous, actor, reason, time);
  }

  /**
   * The event that returns a model to its previous production version: the latest earlier
   * production version that is not archived. The current one becomes archived.
   *
   * @throws RegistryException when the model has no production version or nothing to go back to
   */
  public RegistryEvent rollback(ModelRef ref, String actor, String reason, Instant time) {
    RegistryErrors.required(actor, "actor");
    RegistryErrors.required(reason, "reason");
    VersionEntry current = production(ref).orElseThrow(() -> RegistryErrors.noProduction(ref));
    List<Integer> history = productionHistory.getOrDefault(ref, List.of());
    for (int i = history.size() - 1; i >= 0; i--) {
      int candidate = history.get(i);
      VersionEntry entry = version(ref, candidate).orElseThrow();
      if (candidate != current.version() && entry.status() != Status.ARCHIVED) {
        return change(EventKind.ROLLED_BACK, entry, current.version(), actor, reason, time);
      }
    }

    throw RegistryErrors.nothingToRollBackTo(ref, current.version());
  }

  /**
   * The event that records a refused read of a version for production: nothing changes, the version
   * keeps its status, and the reason says what failed.
   */
  public RegistryEvent refusal(VersionEntry target, String actor, String reason, Instant time) {
    return new RegistryEvent(
        lastSeq() + 1,
        UUID.randomUUID().toString(),
        time,
        EventKind.REFUSED,
        target.ref(),
        target.version(),
        target.status(),
        null,
        target.created(),
        target.location(),
        target.manifestSha256(),
        RegistryErrors.required(actor, "actor"),
        RegistryErrors.required(reason, "reason"),
        null);
  }

  private RegistryEvent change(
      EventKind kind,
      VersionEntry target,
      Integer previous,
      String actor,
      String reason,
      Instant time) {
    return new RegistryEvent(
        lastSeq() + 1,
        UUID.randomUUID().toString(),
        time,
        kind,
        target.ref(),
        target.version(),
        Status.PRODUCTION,
        previous,
        target.created(),
        target.location(),
        target.manifestSha256(),
        RegistryErrors.required(actor, "actor"),
        RegistryErrors.required(reason, "reason"),
        null);
  }
}
