package io.micromodels.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-client configs of a benchmark, written from a template resource whose {@code CLIENT} is
 * replaced by each client id, then loaded through the ordinary loader (its validation included).
 * Top-level keys the template lacks (gates, auto_promote) can be appended, so one template serves
 * several benchmarks; config overrides (as an ad-hoc backtest's) merge into every file.
 */
final class BenchConfigs {
  private BenchConfigs() {}

  static List<ClientConfig> fromTemplate(String resource, List<String> clients, Path dir) {
    return fromTemplate(resource, "", clients, dir);
  }

  /** As {@link #fromTemplate(String, List, Path)}, with {@code extraYaml} appended to each file. */
  static List<ClientConfig> fromTemplate(
      String resource, String extraYaml, List<String> clients, Path dir) {
    return fromTemplate(resource, extraYaml, null, clients, dir);
  }

  /** As {@link #fromTemplate(String, String, List, Path)}, with overrides (or null) merged in. */
  static List<ClientConfig> fromTemplate(
      String resource, String extraYaml, JsonNode overrides, List<String> clients, Path dir) {
    try (InputStream in = BenchConfigs.class.getResourceAsStream(resource)) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Files.createDirectories(dir);
      List<ClientConfig> configs = new ArrayList<>();
      for (String client : clients) {
        Path file = dir.resolve(client + ".yaml");
        Files.writeString(file, template.replace("CLIENT", client) + extraYaml);
        configs.add(ClientConfigLoader.load(file, overrides));
      }

      return configs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
