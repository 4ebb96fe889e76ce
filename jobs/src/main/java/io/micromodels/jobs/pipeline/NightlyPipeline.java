package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.BacktestRequest;
import io.micromodels.evaluation.backtest.ClientBacktest;
import io.micromodels.evaluation.backtest.StageTimes;
import io.micromodels.evaluation.spark.BacktestJob;
import io.micromodels.features.AsOf;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.DriverTraffic;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.features.spark.LabelAccounting;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.jobs.pipeline.ClientRun.GateStatus;
import io.micromodels.jobs.pipeline.ClientRun.TrainStatus;
import io.micromodels.jobs.pipeline.ClientRun.VersionStep;
import io.micromodels.jobs.pipeline.ClientRun.VersionStep.Kind;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.PublishHook;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.spark.PublishRequest;
import io.micromodels.registry.spark.Publisher;
import io.micromodels.registry.spark.Registry;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.spark.ClientOutcome;
import io.micromodels.training.spark.TrainJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code micromodels run nightly} (docs/pipeline.md): ingest, features of the as-of day, train
 * every healthy client in one job, backtest the trained ones in one job against their champions,
 * then per client publish (or record as blocked) and auto-promote. A client failing at any stage
 * stops only that client; the stages are the existing jobs, unchanged.
 */
public final class NightlyPipeline {
  private final SparkSession spark;
  private final SparkSettings settings;
  private final BiFunction<List<ClientConfig>, Instant, Map<String, ClientModel>> champions;
  private final PublishHook hook;

  /**
   * @param champions each client's production model trained before the as-of (clients without one
   *     are absent): {@link ProductionModels#trainedBefore}
   */
  public NightlyPipeline(
      SparkSession spark,
      SparkSettings settings,
      BiFunction<List<ClientConfig>, Instant, Map<String, ClientModel>> champions) {
    this(spark, settings, champions, PublishHook.NONE);
  }

  /**
   * @param hook told of the publish's pause points: crash tests hold the process there
   */
  public NightlyPipeline(
      SparkSession spark,
      SparkSettings settings,
      BiFunction<List<ClientConfig>, Instant, Map<String, ClientModel>> champions,
      PublishHook hook) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.champions = Objects.requireNonNull(champions, "champions");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Runs the nightly for every configured client of the request.
   *
   * <p>Ingest failing, or the registry being unreadable for the champions, propagates: no client
   * could go on.
   *
   * @throws io.micromodels.features.ConfigException when the config folder or a --clients id is
   *     wrong (the run as a whole is bad usage)
   */
  public NightlyReport run(NightlyRequest request) {
    ConfigScan scan = ConfigScan.of(request.configs(), request.clients());
    LocalDate day = request.asOf().atZone(ZoneOffset.UTC).toLocalDate();
    Map<String, ClientRun> runs = new TreeMap<>();
    scan.broken().forEach((id, error) -> runs.put(id, ClientRun.badConfig(id, error)));
    scan.healthy().forEach(c -> runs.put(id(c), ClientRun.configured(id(c))));
    System.out.println(
        "== nightly as of "
            + AsOf.format(request.asOf())
            + ": "
            + scan.healthy().size()
            + " clients configured, "
            + scan.broken().size()
            + " config(s) invalid "
            + scan.broken().keySet());
    String candidates = settings.tablePath("candidates/" + day);
    String backtests = settings.tablePath("backtests");
    String runId = "backtest-" + day;
    String registry = settings.tablePath("registry");
    StageTimes.Clock clock = StageTimes.start();
    if (!request.inputs().isEmpty()) {
      stage("ingest");
      System.out.println("== ingest " + String.join(" ", request.inputs()));
      System.out.print(
          new IngestJob(spark, settings, IngestLimits.defaults(Instant.now()))
              .run(request.inputs())
              .render());
      clock.lap("ingest");
    }

    List<ClientConfig> healthy = scan.healthy();
    if (!healthy.isEmpty() && features(healthy, day, request.asOf(), runs, clock)) {
      stage("train");
      Map<String, ClientModel> production = champions.apply(healthy, request.asOf());
      List<ClientConfig> trained = train(healthy, request.asOf(), production, candidates, runs);
      clock.lap("train");
      stage("backtest");
      List<ClientBacktest> evaluated =
          backtest(trained, request.asOf(), production, candidates, backtests, runId, runs);
      clock.lap("backtest");
      stage("publish and promote");
      release(evaluated, healthy, candidates, backtests + "/" + runId, registry, request, runs);
      clock.lap("publish and promote");
    }

    stage(null);
    return new NightlyReport(
        List.copyOf(runs.values()), candidates, backtests + "/" + runId, registry, clock.times());
  }

  /** Names the stage the next Spark jobs belong to ({@link DriverTraffic}), as the clock does. */
  private void stage(String name) {
    DriverTraffic.label(spark.sparkContext(), name);
  }

  /** The feature table's rows of the as-of day (what the scorer serves); false when it failed. */
  private boolean features(
      List<ClientConfig> clients,
      LocalDate day,
      Instant asOf,
      Map<String, ClientRun> runs,
      StageTimes.Clock clock) {
    stage("features");
    System.out.println("== features " + day + " as of " + AsOf.format(asOf));
    try {
      FeatureRange range = new FeatureRange(day, day, asOf);
      System.out.println("rows per client: " + new FeatureJob(spark, settings).run(clients, range));
      LabelAccounting.of(spark, settings, clients, range)
          .forEach(u -> System.out.println("label events " + u.describe()));
      clock.lap("features");
      return true;
    } catch (RuntimeException e) {
      failAll(clients, runs, r -> r, StageFailure.note("features", e));
      return false;
    }
  }

  /** Trains all clients in one job; returns the trained ones. */
  private List<ClientConfig> train(
      List<ClientConfig> clients,
      Instant asOf,
      Map<String, ClientModel> production,
      String candidates,
      Map<String, ClientRun> runs) {
    System.out.println("== train as of " + AsOf.format(asOf) + " (models in " + candidates + ")");
    Map<String, ClientOutcome> outcomes = new HashMap<>();
    try {
      new TrainJob(spark, settings)
          .run(clients, asOf, production, candidates)
          .forEach(o -> outcomes.put(o.clientId(), o));
    } catch (RuntimeException e) {
      return failAll(
          clients, runs, r -> r.trained(TrainStatus.FAILED), StageFailure.note("training", e));
    }

    return clients.stream()
        .filter(
            c -> {
              ClientOutcome o = outcomes.get(id(c));
              if (o == null || o.status() != ClientOutcome.Status.TRAINED) {
                runs.computeIfPresent(
                    id(c),
                    (id, r) ->
                        r.trained(TrainStatus.FAILED)
                            .ending(
                                ClientRun.Outcome.FAILED,
                                o == null ? "training reported nothing" : o.message()));
                return false;
              }

              runs.computeIfPresent(
                  id(c),
                  (id, r) -> r.trained(o.fallback() ? TrainStatus.FALLBACK : TrainStatus.TRAINED));
              return true;
            })
        .toList();
  }

  /**
   * Backtests the trained candidates in one job, as they are, against the production models on the
   * days neither trained on (the last label-delay days: {@code FoldLayout.holdout}); returns those
   * evaluated (gate passed or not).
   */
  private List<ClientBacktest> backtest(
      List<ClientConfig> trained,
      Instant asOf,
      Map<String, ClientModel> production,
      String candidates,
      String backtests,
      String runId,
      Map<String, ClientRun> runs) {
    if (trained.isEmpty()) {
      return List.of();
    }

    System.out.println(
        "== backtest as of "
            + AsOf.format(asOf)
            + ": the candidates against the production"
            + " models on the days neither trained on ("
            + backtests
            + "/"
            + runId
            + ")");
    Map<String, ClientModel> champions = new HashMap<>();
    trained.forEach(
        c -> {
          if (production.containsKey(id(c))) {
            champions.put(id(c), production.get(id(c)));
          }
        });
    List<ClientBacktest> results;
    try {
      results =
          new BacktestJob(spark, settings)
              .run(trained, BacktestRequest.holdout(asOf, candidates, champions, backtests, runId))
              .clients();
    } catch (RuntimeException e) {
      failAll(trained, runs, r -> r.gated(GateStatus.FAILED), StageFailure.note("backtest", e));
      return List.of();
    }

    results.forEach(b -> System.out.print("-- " + b.clientId() + "\n" + b.happyPath()));
    return results.stream()
        .filter(
            b -> {
              if (b.status() == ClientBacktest.Status.FAILED || b.gatePassed() == null) {
                runs.computeIfPresent(
                    b.clientId(),
                    (id, r) ->
                        r.gated(GateStatus.FAILED)
                            .ending(ClientRun.Outcome.FAILED, "backtest: " + b.message()));
                return false;
              }

              runs.computeIfPresent(
                  b.clientId(),
                  (id, r) -> r.gated(b.gatePassed() ? GateStatus.PASSED : GateStatus.BLOCKED));
              return true;
            })
        .toList();
  }

  /**
   * Every evaluated client's release: publish (or record the block) in one index commit, then
   * auto-promote the passed gates in another, whatever the number of clients. A client whose inputs
   * fail fails alone.
   */
  private void release(
      List<ClientBacktest> evaluated,
      List<ClientConfig> configs,
      String candidates,
      String backtestRun,
      String registryRoot,
      NightlyRequest request,
      Map<String, ClientRun> runs) {
    if (evaluated.isEmpty()) {
      return;
    }

    System.out.println("== publish to " + registryRoot);
    Publisher publisher = new Publisher(spark, registryRoot).withHook(hook);
    Registry registry = new Registry(spark, registryRoot).withHook(hook);
    // the registry before this run's releases: what earlier runs of the night left
    RegistryState before = registry.state();
    Map<String, ClientConfig> byId = new HashMap<>();
    configs.forEach(c -> byId.put(id(c), c));
    Map<String, RegistryEvent> earlier = new TreeMap<>();
    List<PublishRequest> requests = new ArrayList<>();
    for (ClientBacktest b : evaluated) {
      String client = b.clientId();
      try {
        Optional<RegistryEvent> tonight =
            releasedTonight(registry, before, byId.get(client), request.asOf());
        if (tonight.isPresent()) {
          earlier.put(client, tonight.get());
        } else {
          requests.add(
              Release.request(publisher, client, candidates, backtestRun, request.actor(), null));
        }
      } catch (RuntimeException e) {
        fail(runs, client, StageFailure.note("publish", e));
      }
    }

    Map<String, RegistryEvent> released = new TreeMap<>(earlier);
    for (Publisher.Published p : publisher.publishAll(requests)) {
      if (p.failure() != null) {
        fail(runs, p.request().ref().client(), StageFailure.note("publish", p.failure()));
      } else {
        released.put(p.request().ref().client(), p.event());
      }
    }

    // Only an earlier run of the night can have made a version production already, and its
    // promotion is in `before`: this run's publishes are not promoted yet.
    List<Registry.Promotion> promotions = new ArrayList<>();
    for (ClientBacktest b : evaluated) {
      RegistryEvent release = released.get(b.clientId());
      if (release != null) {
        String client = b.clientId();
        System.out.println(
            "-- "
                + client
                + ": "
                + (release.version() != null
                    ? "published v" + release.version()
                    : "recorded as blocked")
                + (earlier.containsKey(client)
                    ? " by an earlier run of this night (kept; this run's candidate is not published)"
                    : ""));
        runs.computeIfPresent(
            client, (id, r) -> released(r, release, byId.get(id), b, before, promotions, request));
      }
    }

    for (Registry.Promoted p : registry.promoteAll(promotions, request.actor())) {
      String client = p.promotion().ref().client();
      int version = p.promotion().version();
      if (p.failure() != null) {
        runs.computeIfPresent(
            client,
            (id, r) ->
                r.promoted(VersionStep.of(Kind.FAILED))
                    .ending(ClientRun.Outcome.FAILED, StageFailure.note("promote", p.failure())));
      } else {
        System.out.println("-- " + client + ": promoted v" + version);
        runs.computeIfPresent(
            client,
            (id, r) ->
                r.promoted(VersionStep.version(version))
                    .ending(ClientRun.Outcome.OK, "report " + backtestReport(evaluated, client)));
      }
    }
  }

  /**
   * A client's run after its release: blocked, published without auto-promotion, production
   * already, or published with its promotion added to {@code promotions} (and the run's outcome
   * decided by it).
   */
  private static ClientRun released(
      ClientRun run,
      RegistryEvent release,
      ClientConfig config,
      ClientBacktest backtest,
      RegistryState before,
      List<Registry.Promotion> promotions,
      NightlyRequest request) {
    if (release.version() == null) {
      return run.published(VersionStep.of(Kind.BLOCKED))
          .ending(
              ClientRun.Outcome.BLOCKED, release.reason() + "; report " + backtest.reportPath());
    }

    int version = release.version();
    ClientRun done = run.published(VersionStep.version(version));
    String note = "report " + backtest.reportPath();
    if (!config.autoPromote()) {
      return done.promoted(VersionStep.of(Kind.OFF)).ending(ClientRun.Outcome.OK, note);
    }

    ModelRef ref = ModelRef.of(backtest.clientId());
    if (before.production(ref).filter(v -> v.version() == version).isPresent()) {
      return done.promoted(VersionStep.version(version)).ending(ClientRun.Outcome.OK, note);
    }

    promotions.add(
        new Registry.Promotion(
            ref,
            version,
            "auto-promoted by the nightly run as of "
                + request.asOf()
                + ": the gate passed and the config has auto_promote"));
    return done;
  }

  private static String backtestReport(List<ClientBacktest> evaluated, String client) {
    return evaluated.stream()
        .filter(b -> b.clientId().equals(client))
        .findFirst()
        .map(ClientBacktest::reportPath)
        .orElseThrow();
  }

  private static void fail(Map<String, ClientRun> runs, String client, String note) {
    runs.computeIfPresent(
        client,
        (id, r) -> r.published(VersionStep.of(Kind.FAILED)).ending(ClientRun.Outcome.FAILED, note));
  }

  /**
   * The client's latest publish or blocked record when it holds a model trained as of this night
   * with this config: an earlier run of the same night (killed, then rerun) got that far. Its
   * decision stands. Without this a rerun would publish a second version of the night, since a
   * retrained model need not be byte-identical (MLlib's distributed fits sum partition results in
   * the order tasks finish; docs/reliability.md).
   */
  private static Optional<RegistryEvent> releasedTonight(
      Registry registry, RegistryState before, ClientConfig config, Instant asOf) {
    return before
        .latestRecord(ModelRef.of(id(config)))
        .filter(
            e -> {
              ClientModel model = ModelFormat.fromJson(registry.modelJson(e), e.location());
              return model.asOf().equals(asOf) && model.configHash().equals(config.configHash());
            });
  }

  private static List<ClientConfig> failAll(
      List<ClientConfig> clients,
      Map<String, ClientRun> runs,
      Function<ClientRun, ClientRun> stage,
      String error) {
    clients.forEach(
        c ->
            runs.computeIfPresent(
                id(c), (id, r) -> stage.apply(r).ending(ClientRun.Outcome.FAILED, error)));
    return List.of();
  }

  private static String id(ClientConfig config) {
    return config.clientId().value();
  }
}
