package io.micromodels.registry.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.registry.ArtifactFile;
import io.micromodels.registry.Checksums;
import io.micromodels.registry.Decision;
import io.micromodels.registry.EventKind;
import io.micromodels.registry.ManifestBuilder;
import io.micromodels.registry.ManifestValidator;
import io.micromodels.registry.PausePoint;
import io.micromodels.registry.PublishHook;
import io.micromodels.registry.RegistryErrors;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.ReleaseIdentity;
import io.micromodels.registry.RuntimeVersions;
import io.micromodels.registry.Status;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Publishes candidates (DESIGN.md §4 Publish; protocol in docs/registry.md): files to {@code
 * <registry>/staging/<uuid>/}, checksums verified by re-reading, the folder moved to its slot
 * {@code <registry>/models/<client>/<model>/v<N>-<uuid>/}, checksums verified again, then the index
 * commit, which is the moment of publication. A blocked candidate takes the same path to a {@code
 * blocked-<uuid>} folder and is recorded without a version.
 */
public final class Publisher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BACKTEST_FILES =
      List.of(PublishRequest.REPORT, PublishRequest.SCORES);
  private static final int PARALLEL_FILES = 8;

  private final SparkSession spark;
  private final RegistryHome home;
  private final Clock clock;
  private final PublishHook hook;

  public Publisher(SparkSession spark, String registryRoot) {
    this(spark, registryRoot, Clock.systemUTC());
  }

  Publisher(SparkSession spark, String registryRoot, Clock clock) {
    this(spark, RegistryHome.open(spark, registryRoot), clock, PublishHook.NONE);
  }

  private Publisher(SparkSession spark, RegistryHome home, Clock clock, PublishHook hook) {
    this.home = home;
    this.spark = spark;
    this.clock = clock;
    this.hook = hook;
  }

  /** This publisher telling {@code hook} of each pause point it reaches (crash tests). */
  public Publisher withHook(PublishHook hook) {
    return new Publisher(spark, home, clock, java.util.Objects.requireNonNull(hook, "hook"));
  }

  /**
   * Publishes one candidate, or records it as blocked.
   *
   * @return the committed index event (its version is null for a blocked candidate)
   * @throws io.micromodels.registry.RegistryException when an input is missing or invalid
   */
  public RegistryEvent publish(PublishRequest request) {
    Published published = publishAll(List.of(request)).get(0);
    if (published.failure() != null) {
      throw published.failure();
    }

    return published.event();
  }

  /**
   * What publishing one candidate of a batch came to.
   *
   * @param event the committed (or earlier recorded) event; null when it failed
   * @param failure why it failed; null when it did not
   */
  public record Published(PublishRequest request, RegistryEvent event, RuntimeException failure) {}

  /**
   * Publishes candidates (or records them as blocked) together: their files are staged in parallel,
   * then one index commit records them all, so a night of many clients costs one commit rather than
   * one per client. A candidate whose input is missing or invalid fails alone.
   *
   * @return one outcome per request, in the requests' order
   */
  public List<Published> publishAll(List<PublishRequest> requests) {
    RegistryState known = home.index().read().state();
    List<Object> prepared = inParallel(requests, r -> prepare(r, known));
    List<Staged> staged =
        prepared.stream().filter(Staged.class::isInstance).map(Staged.class::cast).toList();
    Map<String, AtomicReference<String>> folders = new LinkedHashMap<>();
    staged.forEach(
        c -> folders.put(c.uuid(), new AtomicReference<>(home.layout().staging(c.uuid()))));
    Map<String, Object> placed = new LinkedHashMap<>(); // by staging uuid: event or failure
    home.index()
        .commitAll(
            snapshot -> {
              placed.clear();
              RegistryState state = snapshot.state();
              List<RegistryEvent> fresh = new ArrayList<>();
              for (Staged c : staged) {
                Optional<RegistryEvent> earlier =
                    state.recorded(c.request().ref(), c.digest(), kind(c.request()));
                if (earlier.isPresent()) {
                  placed.put(
                      c.uuid(), earlier.get()); // a concurrent retry won; these files stay unused
                  continue;
                }

                try {
                  RegistryEvent event = place(c, state, folders.get(c.uuid()));
                  state = state.with(event);
                  fresh.add(event);
                  placed.put(c.uuid(), event);
                } catch (RuntimeException e) {
                  placed.put(c.uuid(), e);
                }
              }

              return fresh;
            });
    List<Published> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Object outcome = prepared.get(i) instanceof Staged c ? placed.get(c.uuid()) : prepared.get(i);
      out.add(
          outcome instanceof RegistryEvent event
              ? new Published(requests.get(i), event, null)
              : new Published(requests.get(i), null, (RuntimeException) outcome));
    }

    out.stream()
        .filter(p -> p.event() != null)
        .forEach(p -> hook.reached(PausePoint.AFTER_INDEX_COMMIT, p.request().ref()));
    return out;
  }

  /**
   * Reads a candidate and stages its files: a {@link Staged}, the event that recorded the same
   * candidate before (a retried task), or the failure.
   */
  private Object prepare(PublishRequest request, RegistryState known) {
    try {
      ClientModel model = candidate(request.modelJson());
      JsonNode metrics = metrics(request.backtest());
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(ModelFormat.FILE_NAME, home.store().read(request.modelJson()));
      String digest =
          Checksums.sha256(
              Checksums.sha256(files.get(ModelFormat.FILE_NAME))
                  + Checksums.sha256(
                      home.store().read(request.backtest() + "/" + PublishRequest.METRICS)));
      Optional<RegistryEvent> earlier = known.recorded(request.ref(), digest, kind(request));
      if (earlier.isPresent()) {
        return earlier.get(); // a retried task: the same candidate, the same decision, done
      }

      for (String name : BACKTEST_FILES) {
        files.put(name, input(request.backtest() + "/" + name, "the backtest's " + name));
      }

      String uuid = UUID.randomUUID().toString();
      String staging = home.layout().staging(uuid);
      files.forEach((name, bytes) -> home.store().write(staging + "/" + name, bytes));
      return new Staged(
          request,
          model,
          metrics,
          Map.copyOf(files),
          uuid,
          digest,
          clock.instant(),
          RuntimeVersions.current(spark.version(), deltaVersion()));
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Up to {@value #PARALLEL_FILES} requests at a time: reading and writing files is I/O. */
  private static <T> List<Object> inParallel(List<T> items, Function<T, Object> work) {
    if (items.size() <= 1) {
      return items.stream().map(work).toList();
    }

    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_FILES, items.size()));
    try {
      List<Future<Object>> futures = new ArrayList<>();
      items.forEach(item -> futures.add(pool.submit(() -> work.apply(item))));
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        results.add(future.get());
      }

      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while staging candidates", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("staging failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A candidate as read once; every commit attempt places it for that attempt's state. */
  private record Staged(
      PublishRequest request,
      ClientModel model,
      JsonNode metrics,
      Map<String, byte[]> files,
      String uuid,
      String digest,
      Instant created,
      RuntimeVersions runtime) {}

  private static EventKind kind(PublishRequest request) {
    return request.decision().releases() ? EventKind.PUBLISHED : EventKind.BLOCKED;
  }

  /**
   * One commit attempt: allocates the version on {@code state}, writes the manifest and SHA256SUMS
   * into staging, verifies, moves the folder to its slot, verifies again, and returns the event to
   * commit. After a lost race the folder comes back to staging first.
   */
  private RegistryEvent place(Staged c, RegistryState state, AtomicReference<String> folder) {
    PublishRequest request = c.request();
    String staging = home.layout().staging(c.uuid());
    Integer version = request.decision().releases() ? state.nextVersion(request.ref()) : null;
    String slot =
        version == null
            ? home.layout().blocked(request.ref(), c.uuid())
            : home.layout().slot(request.ref(), version, c.uuid());
    if (!folder.get().equals(staging)) {
      home.store().move(folder.get(), staging);
      folder.set(staging);
    }

    ReleaseIdentity id = new ReleaseIdentity(request.ref(), version, c.created(), slot);
    String manifestSha = stage(staging, id, c);
    hook.reached(PausePoint.AFTER_STAGING, request.ref());
    home.store().move(staging, slot);
    folder.set(slot);
    hook.reached(PausePoint.AFTER_MOVE, request.ref());
    home.verify(slot);
    hook.reached(PausePoint.BEFORE_INDEX_COMMIT, request.ref());
    Status status = version == null ? Status.CANDIDATE : Status.PUBLISHED;
    return new RegistryEvent(
        state.lastSeq() + 1,
        UUID.randomUUID().toString(),
        clock.instant(),
        kind(request),
        request.ref(),
        version,
        status,
        null,
        c.created(),
        slot,
        manifestSha,
        request.decision().actor(),
        request.decision().reason(),
        c.digest());
  }

  /**
   * The decision a backtest's gate implies: published when {@code gate.passed}, blocked with {@code
   * gate.failures} otherwise.
   */
  public Decision decide(String backtest, String actor) {
    JsonNode gate = metrics(backtest).path("gate");
    if (!gate.path("passed").isBoolean()) {
      throw new io.micromodels.registry.RegistryException(
          backtest
              + "/"
              + PublishRequest.METRICS
              + " has no gate.passed: is it a micromodels backtest? Run `micromodels backtest`.");
    }

    List<String> failures = new ArrayList<>();
    gate.path("failures").forEach(f -> failures.add(f.asText()));
    if (!gate.get("passed").asBoolean() && failures.isEmpty()) {
      failures.add("the gate did not pass");
    }

    return gate.get("passed").asBoolean()
        ? Decision.published(actor)
        : Decision.blocked(failures, actor);
  }

  /** Writes manifest.json and SHA256SUMS beside the files and verifies all by re-reading. */
  private String stage(String staging, ReleaseIdentity id, Staged c) {
    List<ArtifactFile> artifacts = new ArrayList<>();
    c.files().forEach((name, bytes) -> artifacts.add(ArtifactFile.of(name, bytes)));
    artifacts.sort(java.util.Comparator.comparing(ArtifactFile::name));
    ObjectNode manifest =
        new ManifestBuilder()
            .build(id, c.model(), c.metrics(), c.request().decision(), c.runtime(), artifacts);
    ManifestValidator.validate(
        manifest,
        "the manifest of "
            + id.ref().registeredName()
            + (id.version() == null ? " (blocked candidate)" : " v" + id.version()));
    byte[] manifestBytes = pretty(manifest);
    home.store().write(staging + "/" + ManifestBuilder.FILE_NAME, manifestBytes);
    Map<String, String> sums = new LinkedHashMap<>();
    artifacts.forEach(a -> sums.put(a.name(), a.sha256()));
    String manifestSha = Checksums.sha256(manifestBytes);
    sums.put(ManifestBuilder.FILE_NAME, manifestSha);
    home.store()
        .write(
            staging + "/" + Checksums.FILE_NAME,
            Checksums.render(sums).getBytes(StandardCharsets.UTF_8));
    home.verify(staging);
    return manifestSha;
  }

  private ClientModel candidate(String modelJson) {
    try {
      return ModelFormat.fromJson(text(modelJson, "the candidate model"), modelJson);
    } catch (io.micromodels.training.artifact.ModelFormatException e) {
      throw new io.micromodels.registry.RegistryException(
          "Cannot publish "
              + modelJson
              + ": "
              + e.getMessage()
              + ". Train the candidate again with this build.",
          e);
    }
  }

  private JsonNode metrics(String backtest) {
    String file = backtest + "/" + PublishRequest.METRICS;
    try {
      return JSON.readTree(text(file, "the backtest's metrics.json"));
    } catch (IOException e) {
      throw new io.micromodels.registry.RegistryException(
          file + " is not JSON: " + e.getMessage(), e);
    }
  }

  private String text(String path, String what) {
    return new String(input(path, what), StandardCharsets.UTF_8);
  }

  private byte[] input(String path, String what) {
    if (!home.store().exists(path)) {
      throw RegistryErrors.missingInput(what, path);
    }

    return home.store().read(path);
  }

  private static byte[] pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render a manifest", e);
    }
  }

  static String deltaVersion() {
    String v = io.delta.tables.DeltaTable.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
