package io.micromodels.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.SecretFilter;
import java.util.Iterator;
import java.util.Map;

/**
 * The check every manifest passes before it is written: it validates against {@code
 * manifest.schema.json} and no key or string in it looks like a credential.
 */
public final class ManifestValidator {
  private ManifestValidator() {}

  /**
   * @throws RegistryException naming the schema problems, or the JSON path of a secret
   */
  public static void validate(JsonNode manifest, String what) {
    SchemaValidator.manifest().check(manifest, what);
    String secret = findSecret(manifest, "$");
    if (secret != null) {
      throw RegistryErrors.secretInManifest(what + " at " + secret);
    }
  }

  /** The JSON path of the first credential-looking string, or null. */
  static String findSecret(JsonNode node, String path) {
    if (node.isTextual()) {
      return SecretFilter.looksSecret(node.asText()) ? path : null;
    }

    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = findSecret(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }

      return null;
    }

    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String child = path + "." + f.getKey();
      if (SecretFilter.looksSecret(f.getKey())) {
        return child;
      }

      String found = findSecret(f.getValue(), child);
      if (found != null) {
        return found;
      }
    }

    return null;
  }
}
