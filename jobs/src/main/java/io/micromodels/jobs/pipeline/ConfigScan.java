package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.gate.Gate;
import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The client configs of a folder loaded one file at a time, so a broken file fails only its own
 * client: unlike {@link ClientConfigLoader#loadAll}, which stops at the first error.
 *
 * @param healthy the configs that loaded and validated, sorted by file name
 * @param broken client id (the file's base name) to its config error
 */
public record ConfigScan(List<ClientConfig> healthy, Map<String, String> broken) {
  public ConfigScan {
    healthy = List.copyOf(healthy);
    broken = Map.copyOf(broken);
  }

  /**
   * Loads every {@code *.yaml}/{@code *.yml} of {@code dir}; with {@code ids}, only those clients.
   *
   * @param ids client ids to keep, or null for all
   * @throws ConfigException when the folder cannot be read or an id has no file (bad usage)
   */
  public static ConfigScan of(Path dir, List<String> ids) {
    List<ClientConfig> healthy = new ArrayList<>();
    Map<String, String> broken = new LinkedHashMap<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path file : files(dir)) {
      String id = baseName(file);
      seen.putIfAbsent(id, file);
      if (ids != null && !ids.contains(id)) {
        continue;
      }

      if (!seen.get(id).equals(file)) {
        broken.put(
            id,
            "Client "
                + id
                + " is configured twice: "
                + seen.get(id)
                + " and "
                + file
                + ". Keep one file per client.");
        healthy.removeIf(c -> c.clientId().value().equals(id));
        continue;
      }

      try {
        ClientConfig config = ClientConfigLoader.load(file);
        Gate.validate(config.gates());
        healthy.add(config);
      } catch (ConfigException e) {
        broken.put(id, e.getMessage());
      }
    }

    if (ids != null) {
      List<String> missing = ids.stream().filter(id -> !seen.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        throw new ConfigException(
            "--clients: no config for "
                + missing
                + " in "
                + dir
                + "; configured: "
                + List.copyOf(seen.keySet()));
      }
    }

    return new ConfigScan(healthy, broken);
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("Client config folder " + dir + " does not exist.");
    }

    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException("Cannot list client configs in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The loader requires a file's base name to be its client id, so it names a broken one. */
  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
