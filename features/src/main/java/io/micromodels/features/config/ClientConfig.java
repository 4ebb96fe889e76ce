package io.micromodels.features.config;

import io.micromodels.features.ClientId;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One client's configuration (DESIGN.md §5), validated. Built by {@link ClientConfigLoader}.
 *
 * @param regions region name to ISO country codes; a country belongs to at most one region
 * @param decisionEventTypes the event types the live system scores
 * @param assertions the client's list of customers that must be prevented
 * @param minFraudLabels below this many fraud labels the client falls back to the global model
 * @param autoPromote whether a release that passes the gates becomes the production model
 * @param hash SHA-256 of the canonical config content, for lineage
 */
public record ClientConfig(
    ClientId clientId,
    ZoneId timeZone,
    Map<String, List<String>> regions,
    List<String> decisionEventTypes,
    LabelSpec label,
    List<FeatureSpec> features,
    List<MicromodelSpec> micromodels,
    ModelSpec model,
    Policy policy,
    List<GateSpec> gates,
    Path assertions,
    int minFraudLabels,
    boolean autoPromote,
    String hash) {

  public ClientConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(timeZone, "timeZone");
    regions = Map.copyOf(regions);
    decisionEventTypes = List.copyOf(decisionEventTypes);
    features = List.copyOf(features);
    micromodels = List.copyOf(micromodels);
    gates = List.copyOf(gates);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(hash, "hash");
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
}
