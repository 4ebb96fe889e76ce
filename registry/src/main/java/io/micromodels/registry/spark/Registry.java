package io.micromodels.registry.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.registry.Feed;
import io.micromodels.registry.IndexReads;
import io.micromodels.registry.IndexReads.IndexVersion;
import io.micromodels.registry.ManifestBuilder;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.PublishHook;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.kernel.KernelIndex;
import io.micromodels.training.artifact.ModelFormat;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The registry's operations: list, show, promote, rollback, history (time travel) and the ingest
 * feed. Reads consult the index only: a version folder without an index row does not exist.
 */
public final class Registry {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryHome home;
  private final IndexReads reads;
  private final Clock clock;
  private final PublishHook hook;

  public Registry(SparkSession spark, String registryRoot) {
    this(spark, registryRoot, Clock.systemUTC());
  }

  Registry(SparkSession spark, String registryRoot, Clock clock) {
    this(RegistryHome.open(spark, registryRoot), null, clock, PublishHook.NONE);
  }

  private Registry(RegistryHome home, IndexReads reads, Clock clock, PublishHook hook) {
    this.home = home;
    this.reads = reads != null ? reads : home.writer();
    this.clock = clock;
    this.hook = hook;
  }

  /** This registry telling {@code hook} of each pause point it reaches (crash tests). */
  public Registry withHook(PublishHook hook) {
    return new Registry(home, reads, clock, java.util.Objects.requireNonNull(hook, "hook"));
  }

  /**
   * The registry for reading only, without Spark: the index is read with Delta Kernel ({@link
   * KernelIndex}), the files through Hadoop's file systems with {@code conf}. Promote and rollback
   * need the Spark registry.
   */
  public static Registry readOnly(Configuration conf, String registryRoot) {
    RegistryHome home = RegistryHome.readOnly(conf, registryRoot);
    return new Registry(
        home, new KernelIndex(conf, home.layout().index()), Clock.systemUTC(), PublishHook.NONE);
  }

  /** A version with its manifest and every event that concerned it. */
  public record VersionDetails(
      VersionEntry entry, JsonNode manifest, List<RegistryEvent> history) {}

  /** The current state. */
  public RegistryState state() {
    return reads.read().state();
  }

  /** The state as of a past Delta version of the index. */
  public RegistryState stateAt(long indexVersion) {
    List<IndexVersion> versions = history();
    if (versions.stream().noneMatch(v -> v.version() == indexVersion)) {
      throw new RegistryException(
          "The registry index has no version "
              + indexVersion
              + "; it has "
              + (versions.isEmpty() ? "none" : "0.." + versions.get(versions.size() - 1).version())
              + ". `micromodels registry history` lists them.");
    }

    return reads.readAt(indexVersion).state();
  }

  /** The Delta version of the index now (-1 before the first commit). */
  public long indexVersion() {
    return reads.read().tableVersion();
  }

  /** Every version of the index, oldest first: each one a readable past state. */
  public List<IndexVersion> history() {
    return reads.history();
  }

  public List<VersionEntry> list(ModelRef ref) {
    return state().versions(ref);
  }

  /** A version's entry, manifest and history in the given state. */
  public VersionDetails show(RegistryState state, ModelRef ref, int version) {
    VersionEntry entry =
        state
            .version(ref, version)
            .orElseThrow(
                () ->
                    new RegistryException(
                        "Model "
                            + ref.registeredName()
                            + " has no version "
                            + version
                            + " in the registry."));
    return new VersionDetails(entry, manifest(entry), state.history(ref, version));
  }

  public VersionDetails show(ModelRef ref, int version) {
    return show(state(), ref, version);
  }

  /**
   * A version's {@code model.json}, for production use (a champion lookup): the version is verified
   * first ({@link #verifyForProduction}), so what a backtest scores as the champion is exactly what
   * was published.
   */
  public String modelJson(VersionEntry entry) {
    return new String(
        verifyForProduction(entry, "micromodels", "champion lookup"),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The {@code model.json} a publish or blocked record holds, checked against its SHA256SUMS. */
  public String modelJson(RegistryEvent release) {
    home.verify(release.location());
    return read(release.location());
  }

  private String read(String folder) {
    return new String(
        home.store().read(folder + "/" + ModelFormat.FILE_NAME),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Re-reads a version's files and checks them against the index and its SHA256SUMS. */
  public void verify(VersionEntry entry) {
    home.verifyVersion(entry);
  }

  /**
   * Makes a version production; the previous production goes back to published. The version's files
   * are verified first; a damaged version is refused, and the refusal recorded.
   */
  public RegistryEvent promote(ModelRef ref, int version, String actor, String reason) {
    RegistryState now = state();
    now.promote(ref, version, actor, reason, clock.instant()); // refuses what is not allowed
    verifyForProduction(now.version(ref, version).orElseThrow(), actor, "promote");
    return home.writer()
        .commit(s -> s.state().promote(ref, version, actor, reason, clock.instant()));
  }

  /** One version to make production, and why. */
  public record Promotion(ModelRef ref, int version, String reason) {}

  /**
   * What a promotion of a batch came to.
   *
   * @param event the committed promotion; null when it failed
   * @param failure why it failed (a damaged version, refused and recorded; a rule); else null
   */
  public record Promoted(Promotion promotion, RegistryEvent event, RuntimeException failure) {}

  /**
   * Makes several versions production in one index commit, each verified first as by {@link
   * #promote}. A version that is refused, or that the rules do not allow, fails alone.
   *
   * @return one outcome per promotion, in order
   */
  public List<Promoted> promoteAll(List<Promotion> promotions, String actor) {
    if (promotions.isEmpty()) {
      return List.of();
    }

    RegistryState now = state();
    Map<Promotion, RuntimeException> failed = new java.util.HashMap<>();
    List<Promotion> verified = new java.util.ArrayList<>();
    for (Promotion p : promotions) {
      try {
        now.promote(p.ref(), p.version(), actor, p.reason(), clock.instant());
        verifyForProduction(now.version(p.ref(), p.version()).orElseThrow(), actor, "promote");
        verified.add(p);
      } catch (RuntimeException e) {
        failed.put(p, e);
      }
    }

    Map<Promotion, RegistryEvent> committed = new java.util.HashMap<>();
    Map<Promotion, RuntimeException> overtaken = new java.util.HashMap<>();
    home.writer()
        .commitAll(
            snapshot -> {
              committed.clear();
              overtaken.clear();
              RegistryState state = snapshot.state();
              List<RegistryEvent> events = new java.util.ArrayList<>();
              for (Promotion p : verified) {
                try {
                  RegistryEvent event =
                      state.promote(p.ref(), p.version(), actor, p.reason(), clock.instant());
                  state = state.with(event);
                  events.add(event);
                  committed.put(p, event);
                } catch (RegistryException e) { // a concurrent writer changed the model meanwhile
                  overtaken.put(p, e);
                }
              }

              return events;
            });
    failed.putAll(overtaken);
    committed.keySet().forEach(p -> hook.reached(PausePoint.AFTER_PROMOTE_COMMIT, p.ref()));
    return promotions.stream().map(p -> new Promoted(p, committed.get(p), failed.get(p))).toList();
  }

  /**
   * Returns to the previous production version; the current one is archived. The version returned
   * to is verified first, like a promoted one.
   */
  public RegistryEvent rollback(ModelRef ref, String actor, String reason) {
    RegistryState now = state();
    RegistryEvent planned = now.rollback(ref, actor, reason, clock.instant());
    verifyForProduction(now.version(ref, planned.version()).orElseThrow(), actor, "rollback");
    return home.writer().commit(s -> s.state().rollback(ref, actor, reason, clock.instant()));
  }

  /**
   * Verifies a version about to serve production and returns its {@code model.json}. On damage (a
   * file changed, missing, or not listed) it records a {@code refused} event in the index and
   * throws, naming the file.
   */
  private byte[] verifyForProduction(VersionEntry entry, String actor, String operation) {
    try {
      return home.verifyVersion(entry);
    } catch (RegistryException damaged) {
      String why =
          operation
              + " of "
              + entry.ref().registeredName()
              + " v"
              + entry.version()
              + " refused: "
              + damaged.getMessage();
      home.writer().commit(s -> s.state().refusal(entry, actor, why, clock.instant()));
      throw new RegistryException(why + " The refusal is recorded in the registry index.", damaged);
    }
  }

  /** The ingest feed after a cursor, read from one snapshot of the index. */
  public ObjectNode feed(long after) {
    IndexReads.Snapshot snapshot = reads.read();
    return Feed.of(snapshot.state(), snapshot.tableVersion(), after, clock.instant());
  }

  /**
   * Folders under a model that no index row names: left by publishes that died before their index
   * commit (or lost and are still retrying). Invisible to every reader; safe to delete once no
   * publish of the model is running.
   */
  public List<String> orphans(ModelRef ref) {
    Set<String> known =
        state().events().stream().map(RegistryEvent::location).collect(Collectors.toSet());
    return home.store().folders(home.layout().models(ref)).stream()
        .filter(f -> !known.contains(f))
        .toList();
  }

  private JsonNode manifest(VersionEntry entry) {
    try {
      return JSON.readTree(home.store().read(Feed.manifestUri(entry.location())));
    } catch (IOException e) {
      throw new RegistryException(
          "Cannot read the "
              + ManifestBuilder.FILE_NAME
              + " of "
              + entry.ref().registeredName()
              + " v"
              + entry.version()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
