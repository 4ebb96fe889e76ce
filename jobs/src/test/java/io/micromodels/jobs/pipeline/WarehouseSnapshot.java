package io.micromodels.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.spark.FeatureJob;
import io.micromodels.features.spark.IngestJob;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.spark.Registry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micromodels.jobs.testing.JsonNear;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * What a nightly run leaves in a warehouse, in a form two warehouses can be compared by: table
 * rows as sorted JSON, the candidates' model.json, the registry's events and the published
 * manifests without what differs by nature between two runs (listed in {@link #normalised}).
 */
record WarehouseSnapshot(Map<String, List<String>> tableRows, Map<String, JsonNode> models,
    List<String> registry, Map<String, JsonNode> manifests) {
  /** Relative tolerance of model numbers: MLlib's fits of global micromodels vary ~1e-10. */
  static final double TOLERANCE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final List<String> TABLES = List.of(IngestJob.EVENTS_TABLE,
      IngestJob.QUARANTINE_TABLE, FeatureJob.FEATURES_TABLE);

  static WarehouseSnapshot of(SparkSession spark, Path warehouse, String day)
      throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String table : TABLES) {
      Path path = warehouse.resolve(table);
      rows.put(table, Files.exists(path) ? spark.read().format("delta").load(path.toString())
          .select(to_json(struct(col("*")))).as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList().stream().map(WarehouseSnapshot::canonical).sorted().toList()
          : List.of());
    }

    Map<String, JsonNode> models = new TreeMap<>();
    try (Stream<Path> clients = Files.list(warehouse.resolve("candidates/" + day))) {
      for (Path client : clients.toList()) {
        models.put(client.getFileName().toString(),
            JSON.readTree(client.resolve("model.json").toFile()));
      }
    }

    Registry registry = new Registry(spark, warehouse.resolve("registry").toString());
    RegistryState state = registry.state();
    List<String> events = state.events().stream().map(WarehouseSnapshot::event).toList();
    Map<String, JsonNode> manifests = new TreeMap<>();
    for (ModelRef ref : state.models()) {
      for (VersionEntry v : state.versions(ref)) {
        registry.verify(v);
        manifests.put(ref.registeredName() + " v" + v.version(),
            normalised(registry.show(ref, v.version()).manifest(), warehouse));
      }
    }

    return new WarehouseSnapshot(rows, models, events, manifests);
  }

  /** A row's JSON with the keys of every object in order (a map column has no order). */
  private static String canonical(String json) {
    try {
      return CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An event without its id, times and slot (a uuid): what happened, to what, by whom, why. */
  private static String event(RegistryEvent e) {
    return e.seq() + " " + e.kind() + " " + e.ref().registeredName() + " v" + e.version() + " "
        + e.status() + " previous=" + e.previous() + " by " + e.actor() + ": " + e.reason();
  }

  /**
   * The manifest with the warehouse's root path replaced, uuids (of version slots) masked, and
   * {@code identity.created_at} (the wall clock of the publish), the artifacts' checksums and
   * sizes (of files holding the models' last-bit differences) and the inputs' digests removed.
   */
  static JsonNode normalised(JsonNode manifest, Path warehouse) throws IOException {
    JsonNode copy = manifest.deepCopy();
    ((ObjectNode) copy.path("identity")).remove("created_at");
    copy.path("artifacts").forEach(a -> ((ObjectNode) a).remove(List.of("sha256", "bytes")));
    // an input's digest hashes its URI (which holds the warehouse root) and version; both are
    // compared as they are
    copy.path("datasets").forEach(d -> ((ObjectNode) d).remove("digest"));
    copy.path("lineage").path("inputs").forEach(i -> ((ObjectNode) i).remove("digest"));
    String text = copy.toString().replace(warehouse.toString(), "<warehouse>");
    return JSON.readTree(UUID.matcher(text).replaceAll("<uuid>"));
  }

  /** Fails naming what differs: rows and registry events exactly, JSON within TOLERANCE. */
  void assertEquivalentTo(WarehouseSnapshot expected) {
    List<String> problems = new ArrayList<>();
    expected.tableRows.forEach((table, rows) -> {
      List<String> mine = tableRows.get(table);
      if (!rows.equals(mine)) {
        problems.add(table + ": " + rows.size() + " rows expected, " + mine.size() + " found; "
            + "first differences: " + firstDifferences(rows, mine));
      }
    });
    json("model", expected.models, models, problems);
    if (!expected.registry.equals(registry)) {
      problems.add("registry events: expected " + expected.registry + ", found " + registry);
    }

    json("manifest", expected.manifests, manifests, problems);
    assertThat(problems).as("differences from the undisturbed run").isEmpty();
  }

  private static void json(String what, Map<String, JsonNode> expected,
      Map<String, JsonNode> actual, List<String> problems) {
    if (!expected.keySet().equals(actual.keySet())) {
      problems.add(what + "s: expected " + expected.keySet() + ", found " + actual.keySet());
      return;
    }

    expected.forEach((name, node) -> JsonNear.differences(node, actual.get(name), TOLERANCE, 5)
        .forEach(d -> problems.add(what + " " + name + ": " + d)));
  }

  private static List<String> firstDifferences(List<String> expected, List<String> actual) {
    List<String> onlyExpected = new ArrayList<>(expected);
    onlyExpected.removeAll(actual);
    List<String> onlyActual = new ArrayList<>(actual);
    onlyActual.removeAll(expected);
    return List.of("missing " + onlyExpected.stream().limit(2).toList(),
        "extra " + onlyActual.stream().limit(2).toList());
  }
}
