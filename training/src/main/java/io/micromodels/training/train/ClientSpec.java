package io.micromodels.training.train;

import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.Policy;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training needs of a client's config, serializable so it travels to the Spark task that
 * trains the client (a {@link ClientConfig} holds file paths that executors need not have).
 */
public record ClientSpec(
    String clientId,
    String configHash,
    ModelPlan plan,
    Policy policy,
    Map<String, List<String>> regions,
    int minFraudLabels,
    TrainingWindow window)
    implements Serializable {
  public ClientSpec {
    regions = Collections.unmodifiableMap(new TreeMap<>(regions));
  }

  public static ClientSpec of(ClientConfig config, java.time.Instant asOf) {
    return new ClientSpec(
        config.clientId().value(),
        config.configHash(),
        ModelPlan.of(config),
        config.policy(),
        config.regions(),
        config.minFraudLabels(),
        TrainingWindow.of(config, asOf));
  }
}
