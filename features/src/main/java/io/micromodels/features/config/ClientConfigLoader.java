package io.micromodels.features.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.ClientId;
import io.micromodels.features.ConfigException;
import io.micromodels.features.EventFields;
import io.micromodels.features.Quoted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads client configs from YAML (DESIGN.md §5) and validates them before any Spark work. Every
 * error is a {@link ConfigException} naming the file, the key, what was expected and what was
 * found; the first error found is reported. Keys and defaults are documented in
 * docs/configuration.md.
 */
public final class ClientConfigLoader {
  private static final Set<String> KEYS =
      Set.of(
          "client_id",
          "time_zone",
          "night_hours",
          "regions",
          "decision_event_types",
          "label",
          "features",
          "micromodels",
          "combiner",
          "calibration",
          "score",
          "policy",
          "gates",
          "training",
          "backtest",
          "assertions",
          "min_fraud_labels",
          "auto_promote");
  private static final String KIND = "client config";
  public static final int DEFAULT_MIN_FRAUD_LABELS = ClientConfig.DEFAULT_MIN_FRAUD_LABELS;

  private ClientConfigLoader() {}

  /**
   * Loads every {@code *.yaml}/{@code *.yml} file of a folder (not its subfolders), sorted by file
   * name; two files for one client id are an error.
   */
  public static List<ClientConfig> loadAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("Client config folder " + dir + " does not exist.");
    }

    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new ConfigException("Cannot list client configs in " + dir + ": " + e.getMessage(), e);
    }

    Map<ClientId, Path> seen = new HashMap<>();
    List<ClientConfig> configs = new ArrayList<>();
    for (Path file : files) {
      ClientConfig config = load(file);
      Path other = seen.put(config.clientId(), file);
      if (other != null) {
        throw new ConfigException(
            "Client "
                + config.clientId()
                + " is configured twice: "
                + other
                + " and "
                + file
                + ". Keep one file per client.");
      }

      configs.add(config);
    }

    return configs;
  }

  /** Loads and validates one client's file; the file's base name must be its client id. */
  public static ClientConfig load(Path file) {
    return load(file, null);
  }

  /**
   * As {@link #load(Path)}, with an ad-hoc backtest's overrides merged into the file's tree before
   * validation: mappings merge key by key, anything else (lists, values) replaces. The result is
   * validated exactly as a file would be, so a bad override fails the same way.
   *
   * @param overrides a JSON object, or null for none
   */
  public static ClientConfig load(Path file, JsonNode overrides) {
    JsonNode tree = ConfigYaml.read(file, KIND);

    if (overrides != null && !overrides.isEmpty()) {
      if (!overrides.isObject() || tree == null || !tree.isObject()) {
        throw new ConfigException(
            "Config overrides for "
                + file
                + " must be a JSON object of"
                + " config keys, e.g. {\"training\": {\"train_days\": 60}}; got "
                + Quoted.redacted(overrides));
      }

      tree = merge((com.fasterxml.jackson.databind.node.ObjectNode) tree.deepCopy(), overrides);
    }

    ConfigNode root =
        ConfigNode.mappingRoot(KIND, file, tree, "a YAML mapping with client_id, policy, ...")
            .allowOnly(KEYS);
    ClientId clientId = clientId(root, file);
    Map<String, List<String>> regions = regions(root);
    List<FeatureSpec> features = FeatureReader.read(root);
    List<String> featureColumns = features.stream().flatMap(f -> f.columnNames().stream()).toList();
    List<String> decisionTypes =
        root.strings(
            "decision_event_types",
            ClientConfig.DEFAULT_DECISION_EVENT_TYPES,
            EventFields.EVENT_TYPE_PATTERN,
            SettingsReader.EVENT_TYPE);
    if (decisionTypes.isEmpty()) {
      throw root.child("decision_event_types").mismatch("at least one event type, e.g. [order]");
    }

    return new ClientConfig(
        clientId,
        file.toAbsolutePath().normalize(),
        timeZone(root),
        SettingsReader.nightHours(root),
        regions,
        decisionTypes,
        SettingsReader.label(root),
        features,
        MicromodelReader.read(root, featureColumns),
        MicromodelReader.model(root, featureColumns),
        PolicyReader.read(root, regions),
        SettingsReader.gates(root),
        SettingsReader.training(root),
        SettingsReader.backtest(root),
        assertions(root, file),
        root.integer("min_fraud_labels", ClientConfig.DEFAULT_MIN_FRAUD_LABELS, 1, 1_000_000),
        root.flag("auto_promote", ClientConfig.DEFAULT_AUTO_PROMOTE));
  }

  private static JsonNode merge(
      com.fasterxml.jackson.databind.node.ObjectNode base, JsonNode overrides) {
    overrides
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode current = base.get(e.getKey());
              if (current != null && current.isObject() && e.getValue().isObject()) {
                merge((com.fasterxml.jackson.databind.node.ObjectNode) current, e.getValue());
              } else {
                base.set(e.getKey(), e.getValue());
              }
            });
    return base;
  }

  private static ClientId clientId(ConfigNode root, Path file) {
    String id = root.requiredString("client_id");
    if (!EventFields.CLIENT_ID_PATTERN.matcher(id).matches()) {
      throw root.child("client_id")
          .mismatch(
              "lower-case letters, digits, '-' and '_' (" + EventFields.CLIENT_ID_PATTERN + ")");
    }

    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    if (!base.equals(id)) {
      throw root.child("client_id")
          .invalid(
              "'%s' must equal the file name '%s' (one file per client, named" + " by its id)",
              id, base);
    }

    return new ClientId(id);
  }

  private static ZoneId timeZone(ConfigNode root) {
    String zone = root.string("time_zone", ClientConfig.DEFAULT_TIME_ZONE.getId());
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
        String code =
            country.matching(EventFields.COUNTRY_PATTERN, "an ISO 3166-1 alpha-2 code such as DE");
        String previous = countryRegion.put(code, entry.getKey());
        if (previous != null) {
          throw country.invalid(
              "%s is already in region %s; expected each country in at most" + " one region",
              code, previous);
        }

        countries.add(code);
      }

      if (countries.isEmpty()) {
        throw entry.getValue().mismatch("a non-empty list of countries, e.g. [DE, AT, CH]");
      }

      regions.put(entry.getKey(), countries);
    }

    return regions;
  }

  /**
   * The assertions file: relative to the config's folder, resolving inside the folder above it
   * ({@code data-samples/} for the samples), and existing.
   */
  private static Path assertions(ConfigNode root, Path file) {
    String given = root.string("assertions", null);
    if (given == null) {
      return null;
    }

    Path configDir = file.toAbsolutePath().normalize().getParent();
    Path allowedRoot = configDir.getParent() == null ? configDir : configDir.getParent();
    String expected =
        "a path relative to the config file's folder that stays inside " + allowedRoot;
    Path relative;
    try {
      relative = Path.of(given);
    } catch (InvalidPathException e) {
      throw root.child("assertions").mismatch(expected);
    }

    if (given.isBlank()
        || relative.isAbsolute()
        || given.startsWith("/")
        || given.startsWith("\\")) {
      throw root.child("assertions").mismatch(expected + " (absolute paths are not allowed)");
    }

    Path resolved = configDir.resolve(relative).normalize();
    if (!resolved.startsWith(allowedRoot)) {
      throw root.child("assertions").mismatch(expected + " (`..` must not leave it)");
    }

    if (!Files.isRegularFile(resolved)) {
      throw root.child("assertions")
          .invalid(
              "file %s does not exist; expected a CSV of customers" + " that must be prevented",
              given);
    }

    // A symbolic link inside the folder must not lead out of it either.
    if (!realPath(resolved).startsWith(realPath(allowedRoot))) {
      throw root.child("assertions")
          .mismatch(
              expected
                  + " (a link must not lead out of it: "
                  + resolved
                  + " is "
                  + realPath(resolved)
                  + ")");
    }

    return resolved;
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new ConfigException("Cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }
}
