package io.micromodels.features.spark;

import io.micromodels.features.FeatureRange;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.testing.EventJson;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * A feature build over real rows in a throw-away warehouse: writes client configs, ingests events
 * through {@link IngestJob} and runs {@link FeatureJob}, so option tests exercise the same path as
 * production with a handful of rows.
 */
final class FeatureFixture {
  private final Path dir;

  FeatureFixture(String name) {
    this.dir = SharedSpark.newDirectory(name);
  }

  /** Loads {@code yaml} as the config of {@code clientId}. */
  ClientConfig config(String clientId, String yaml) {
    try {
      Path clients = Files.createDirectories(dir.resolve("clients"));
      return ClientConfigLoader.load(Files.writeString(clients.resolve(clientId + ".yaml"), yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the features of {@code events} and returns the written rows by event id. */
  Map<String, Row> build(
      String name, List<ClientConfig> clients, List<String> events, FeatureRange range) {
    SparkSettings settings = ingest(name, events);
    new FeatureJob(SharedSpark.session(), settings).run(clients, range);
    Map<String, Row> rows = new HashMap<>();
    SharedSpark.session()
        .read()
        .format("delta")
        .load(settings.tablePath("features"))
        .collectAsList()
        .forEach(row -> rows.put(row.getAs("event_id"), row));
    return rows;
  }

  /** The label accounting of a build made by {@link #build} under {@code name}. */
  List<LabelAccounting.LabelUsage> labelUsage(
      String name, List<ClientConfig> clients, FeatureRange range) {
    return LabelAccounting.of(SharedSpark.session(), settings(name), clients, range);
  }

  /** Ingests {@code events} into the warehouse named {@code name}; returns its settings. */
  private SparkSettings ingest(String name, List<String> events) {
    SparkSettings settings = settings(name);
    try {
      Path file = Files.writeString(dir.resolve(name + ".jsonl"), String.join("\n", events) + "\n");
      new IngestJob(SharedSpark.session(), settings, IngestLimits.defaults(Instant.now()))
          .run(List.of(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return settings;
  }

  /** A folder of this fixture's own. */
  Path dir() {
    return dir;
  }

  /** The warehouse of the build named {@code name}. */
  SparkSettings settings(String name) {
    return new SparkSettings("local[2]", dir.resolve(name).toString(), Map.of());
  }

  /** An order of {@code client} by customer {@code c1} on terminal (device) {@code t1}. */
  static String order(String client, String id, String time, Integer amount) {
    return order(client, id, time, amount, "c1");
  }

  /** An order of {@code client} by {@code customer} on terminal (device) {@code t1}. */
  static String order(String client, String id, String time, Integer amount, String customer) {
    EventJson json =
        EventJson.order(id)
            .with("client_id", client)
            .with("event_time", time)
            .with("customer_id", customer)
            .with("device_id", "t1");
    return (amount == null
            ? json.without("amount").without("items").without("currency")
            : json.with("amount", amount))
        .json();
  }

  /** A label event of {@code type} for decision event {@code ref}; label and ref may be null. */
  static String labelEvent(
      String client, String id, String type, String time, String ref, Integer label) {
    EventJson json =
        EventJson.order(id)
            .with("client_id", client)
            .with("event_type", type)
            .with("event_time", time)
            .with("customer_id", "c1")
            .without("items")
            .without("device_id")
            .without("attributes")
            .without("live_score")
            .without("live_action");
    if (ref != null) {
      json.with("ref_event_id", ref);
    }
    return (label == null ? json : json.with("label", label)).json();
  }
}
