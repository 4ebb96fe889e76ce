package io.micromodels.features.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads the platform config ({@code --config}: keys {@code master}, {@code warehouse} and {@code
 * spark}, a mapping of Spark conf) through the same reader and the same errors as client configs:
 * its Spark conf is where storage credentials live, so no error may quote it whole.
 */
public final class PlatformConfigLoader {
  private static final String KIND = "platform config";
  private static final Set<String> KEYS = Set.of("master", "warehouse", "spark");

  private PlatformConfigLoader() {}

  /** What the file states; a {@link ConfigException} if it is bad. */
  public static PlatformConfig load(Path file) {
    JsonNode tree = ConfigYaml.read(file, KIND);
    ConfigNode root =
        ConfigNode.mappingRoot(KIND, file, tree, "a YAML mapping with keys " + KEYS)
            .allowOnly(KEYS);
    Map<String, String> conf = new LinkedHashMap<>();
    root.mapping("spark").forEach((key, value) -> conf.put(key, value.text()));
    return new PlatformConfig(root.string("master", null), root.string("warehouse", null), conf);
  }
}
