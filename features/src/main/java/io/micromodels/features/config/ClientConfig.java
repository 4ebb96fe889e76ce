package io.micromodels.features.config;

import io.micromodels.features.ClientId;
import io.micromodels.features.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One client's configuration (DESIGN.md §5), validated. Built by {@link ClientConfigLoader}; the
 * keys, their defaults and their rules are in docs/configuration.md.
 *
 * @param source the file it was loaded from (absolute, normalised)
 * @param timeZone the client's zone for local-time features
 * @param nightHours the local hours {@code time.night} flags
 * @param regions region name to ISO country codes, sorted by region; a country belongs to at most
 *     one region
 * @param decisionEventTypes the event types the live system scores
 * @param model combiner, calibration and score mapping
 * @param training the training run's windows and limits
 * @param backtest the walk-forward backtest's folds and windows
 * @param assertions the client's list of customers that must be prevented (absolute), or null
 * @param minFraudLabels below this many fraud labels the client falls back to the global model
 * @param autoPromote whether a release that passes the gates becomes the production model
 */
public record ClientConfig(
    ClientId clientId,
    Path source,
    ZoneId timeZone,
    NightHours nightHours,
    Map<String, List<String>> regions,
    List<String> decisionEventTypes,
    LabelSpec label,
    List<FeatureSpec> features,
    List<MicromodelSpec> micromodels,
    ModelSpec model,
    Policy policy,
    List<GateSpec> gates,
    TrainingSpec training,
    BacktestSpec backtest,
    Path assertions,
    int minFraudLabels,
    boolean autoPromote) {

  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
  public static final List<String> DEFAULT_DECISION_EVENT_TYPES = List.of("order");
  public static final int DEFAULT_MIN_FRAUD_LABELS = 30;
  public static final boolean DEFAULT_AUTO_PROMOTE = false;

  public ClientConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(nightHours, "nightHours");
    regions = sortedCopy(regions);
    decisionEventTypes = List.copyOf(decisionEventTypes);
    Objects.requireNonNull(label, "label");
    features = List.copyOf(features);
    micromodels = List.copyOf(micromodels);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(policy, "policy");
    gates = List.copyOf(gates);
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(backtest, "backtest");
    if (decisionEventTypes.isEmpty()) {
      throw new IllegalArgumentException("a client needs at least one decision event type");
    }

    if (minFraudLabels < 1) {
      throw new IllegalArgumentException("min_fraud_labels must be positive: " + minFraudLabels);
    }
  }

  /** Every declared feature column, in declaration order. */
  public List<String> featureColumns() {
    return features.stream().flatMap(f -> f.columnNames().stream()).toList();
  }

  /** The region of a country, or null. */
  public String regionOf(String country) {
    for (Map.Entry<String, List<String>> region : regions.entrySet()) {
      if (region.getValue().contains(country)) {
        return region.getKey();
      }
    }

    return null;
  }

  /** The assertions file, if the config names one (it existed when the config was loaded). */
  public Optional<Path> assertionsFile() {
    return Optional.ofNullable(assertions);
  }

  /** The assertions file; fails when the config names none or it has gone since loading. */
  public Path requireAssertionsFile() {
    if (assertions == null) {
      throw new ConfigException(
          "Client config "
              + source
              + ": key `assertions` is needed here (a CSV of customers that must be prevented).");
    }

    if (!Files.isRegularFile(assertions)) {
      throw new ConfigException(
          "Client config "
              + source
              + ": key `assertions`: file "
              + assertions
              + " does not exist (any more).");
    }

    return assertions;
  }

  /**
   * SHA-256 (hex) of the canonical JSON rendering of this config (keys sorted, defaults filled in,
   * the assertions path relative to the config's folder), for lineage: the same effective
   * configuration gives the same hash wherever the file lives and however it is formatted.
   */
  public String configHash() {
    return CanonicalConfig.sha256(this);
  }

  /** The canonical JSON rendering that {@link #configHash()} digests. */
  public String canonicalJson() {
    return CanonicalConfig.render(this);
  }

  private static Map<String, List<String>> sortedCopy(Map<String, List<String>> regions) {
    Map<String, List<String>> sorted = new TreeMap<>();
    regions.forEach((region, countries) -> sorted.put(region, List.copyOf(countries)));
    return Collections.unmodifiableMap(sorted);
  }
}
