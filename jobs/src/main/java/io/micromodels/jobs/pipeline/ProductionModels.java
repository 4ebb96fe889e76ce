package io.micromodels.jobs.pipeline;

import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.spark.Registry;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The clients' production models from the warehouse's registry, as champions of a run. */
public final class ProductionModels {
  private ProductionModels() {}

  /** Each client's current production model; clients without one are absent. */
  public static Map<String, ClientModel> current(
      SparkSession spark, SparkSettings settings, List<ClientConfig> clients) {
    return read(spark, settings, clients, null);
  }

  /**
   * Each client's latest production model trained before {@code asOf}: the current one, or the one
   * it replaced when the current one was trained as of {@code asOf} or later. A nightly rerun for
   * the same day (after a crash past the promotion) thus compares tonight's candidate with the same
   * champion as the first run did, not with itself.
   */
  public static Map<String, ClientModel> trainedBefore(
      SparkSession spark, SparkSettings settings, List<ClientConfig> clients, Instant asOf) {
    return read(spark, settings, clients, asOf);
  }

  private static Map<String, ClientModel> read(
      SparkSession spark, SparkSettings settings, List<ClientConfig> clients, Instant before) {
    Registry registry = new Registry(spark, settings.tablePath("registry"));
    RegistryState state = registry.state();
    Map<String, ClientModel> models = new HashMap<>();
    for (ClientConfig c : clients) {
      for (VersionEntry v : state.productionHistory(ModelRef.of(c.clientId().value()))) {
        ClientModel model = ModelFormat.fromJson(registry.modelJson(v), v.location());
        if (before == null || model.asOf().isBefore(before)) {
          System.out.println(
              "champion of "
                  + c.clientId()
                  + ": "
                  + v.ref().registeredName()
                  + " v"
                  + v.version()
                  + " ("
                  + v.status().label()
                  + ", "
                  + v.location()
                  + ")");
          models.put(c.clientId().value(), model);
          break;
        }
      }
    }

    return models;
  }
}
