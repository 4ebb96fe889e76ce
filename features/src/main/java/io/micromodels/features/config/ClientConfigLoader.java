package io.micromodels.features.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micromodels.features.ClientId;
import io.micromodels.features.ConfigException;
import io.micromodels.features.EventFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads client configs from YAML (DESIGN.md §5) and validates them before any Spark work. Every
 * error is a {@link ConfigException} naming the file, the key, what was expected and what was
 * found. Keys and defaults are documented in docs/configuration.md.
 */
public final class ClientConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final Set<String> KEYS =
      Set.of("client_id", "time_zone", "regions", "decision_event_types", "label", "features",
          "micromodels", "combiner", "calibration", "score", "policy", "gates", "assertions",
          "min_fraud_labels", "auto_promote");
  public static final int DEFAULT_MIN_FRAUD_LABELS = 30;

  private ClientConfigLoader() {}

  /** Loads every {@code *.yaml}/{@code *.yml} file of a folder, sorted by client id. */
  public static List<ClientConfig> loadAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("Client config folder " + dir + " does not exist.");
    }

    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new ConfigException("Cannot list client configs in " + dir + ": " + e.getMessage(), e);
    }

    Map<ClientId, Path> seen = new HashMap<>();
    List<ClientConfig> configs = new ArrayList<>();
    for (Path file : files) {
      ClientConfig config = load(file);
      Path other = seen.put(config.clientId(), file);
      if (other != null) {
        throw new ConfigException("Client " + config.clientId() + " is configured twice: " + other
            + " and " + file + ". Keep one file per client.");
      }

      configs.add(config);
    }

    return configs;
  }

  /** Loads and validates one client's file; the file's base name must be its client id. */
  public static ClientConfig load(Path file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("Cannot read client config " + file + ": " + e.getMessage(), e);
    }

    ConfigNode root = new ConfigNode(file, "", tree);
    if (tree == null || !tree.isObject()) {
      throw root.error("(top level)", "not a mapping", "a YAML mapping with client_id, policy, ...",
          tree == null ? "an empty file" : tree.getNodeType().toString());
    }

    root.allowOnly(KEYS);
    ClientId clientId = clientId(root, file);
    Map<String, List<String>> regions = regions(root);
    List<FeatureSpec> features = FeatureReader.read(root);
    List<String> featureColumns = features.stream().flatMap(f -> f.columnNames().stream()).toList();
    return new ClientConfig(
        clientId,
        timeZone(root),
        regions,
        root.strings("decision_event_types", List.of("order")),
        label(root),
        features,
        MicromodelReader.read(root, featureColumns),
        MicromodelReader.model(root, featureColumns),
        PolicyReader.read(root, regions),
        gates(root),
        assertions(root, file),
        root.integer("min_fraud_labels", DEFAULT_MIN_FRAUD_LABELS, 1, 1_000_000),
        root.flag("auto_promote", false),
        hash(tree));
  }

  private static ClientId clientId(ConfigNode root, Path file) {
    String id = root.requiredString("client_id");
    if (!EventFields.CLIENT_ID_PATTERN.matcher(id).matches()) {
      throw root.child("client_id").mismatch(
          "lower-case letters, digits, '-' and '_' (" + EventFields.CLIENT_ID_PATTERN + ")");
    }

    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    if (!base.equals(id)) {
      throw root.child("client_id").invalid(
          "'" + id + "' must equal the file name '" + base + "' (one file per client, named by its id)");
    }

    return new ClientId(id);
  }

  private static ZoneId timeZone(ConfigNode root) {
    String zone = root.string("time_zone", "UTC");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw root.child("time_zone").mismatch("an IANA time zone such as Europe/Berlin");
    }
  }

  private static Map<String, List<String>> regions(ConfigNode root) {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    Map<String, String> countryRegion = new HashMap<>();
    for (Map.Entry<String, ConfigNode> entry : root.mapping("regions").entrySet()) {
      List<String> countries = new ArrayList<>();
      for (ConfigNode country : entry.getValue().items()) {
        String code = country.text();
        if (!EventFields.COUNTRY_PATTERN.matcher(code).matches()) {
          throw country.mismatch("an ISO 3166-1 alpha-2 code such as DE");
        }

        String previous = countryRegion.put(code, entry.getKey());
        if (previous != null) {
          throw country.invalid(code + " is already in region " + previous);
        }

        countries.add(code);
      }

      regions.put(entry.getKey(), countries);
    }

    return regions;
  }

  private static LabelSpec label(ConfigNode root) {
    if (!root.has("label")) {
      return LabelSpec.defaults();
    }

    ConfigNode label = root.child("label").requireMapping()
        .allowOnly(Set.of("scope", "delay_days", "event_types"));
    String scope = label.string("scope", "event");
    if (!scope.equals("event") && !scope.equals("customer")) {
      throw label.child("scope").mismatch("event or customer");
    }

    return new LabelSpec(
        scope.equals("event") ? LabelSpec.Scope.EVENT : LabelSpec.Scope.CUSTOMER,
        label.integer("delay_days", LabelSpec.DEFAULT_DELAY_DAYS, 0, 365),
        label.strings("event_types", LabelSpec.DEFAULT_EVENT_TYPES));
  }

  private static List<GateSpec> gates(ConfigNode root) {
    if (!root.has("gates")) {
      return GateSpec.defaults();
    }

    List<GateSpec> gates = new ArrayList<>();
    for (ConfigNode gate : root.list("gates")) {
      gate.requireMapping().allowOnly(Set.of("metric", "min", "max", "max_drop", "max_increase"));
      double huge = 1e12;
      GateSpec spec = new GateSpec(gate.requiredString("metric"),
          gate.optionalNumber("min", -huge, huge), gate.optionalNumber("max", -huge, huge),
          gate.optionalNumber("max_drop", 0, huge), gate.optionalNumber("max_increase", 0, huge));
      if (spec.min() == null && spec.max() == null && spec.maxDrop() == null
          && spec.maxIncrease() == null) {
        throw gate.invalid("a gate needs at least one of min, max, max_drop, max_increase");
      }

      gates.add(spec);
    }

    return gates;
  }

  /** The assertions file: relative, and inside the folder above the config's folder. */
  private static Path assertions(ConfigNode root, Path file) {
    String given = root.string("assertions", null);
    if (given == null) {
      return null;
    }

    Path relative = Path.of(given);
    Path configDir = file.toAbsolutePath().normalize().getParent();
    Path allowedRoot = configDir.getParent() == null ? configDir : configDir.getParent();
    Path resolved = configDir.resolve(relative).normalize();
    if (relative.isAbsolute() || !resolved.startsWith(allowedRoot)) {
      throw root.child("assertions").mismatch(
          "a path relative to the config file that stays inside " + allowedRoot);
    }

    if (!Files.isRegularFile(resolved)) {
      throw root.child("assertions").invalid("file " + resolved + " does not exist");
    }

    return resolved;
  }

  private static String hash(JsonNode tree) {
    try {
      Object canonical = CANONICAL.treeToValue(tree, Object.class);
      byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a parsed config", e);
    }
  }
}
