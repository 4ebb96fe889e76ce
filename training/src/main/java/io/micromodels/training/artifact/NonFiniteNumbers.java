package io.micromodels.training.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the numbers of a JSON document that are not finite doubles: {@code 1e400} parses to
 * infinity, and a model with an infinite intercept scores every event 100. JSON Schema's {@code
 * "type": "number"} accepts them, so this walk covers every number of the document, whatever part
 * of the model holds it.
 */
final class NonFiniteNumbers {
  private NonFiniteNumbers() {}

  /** Each non-finite number as "path: value is not a finite number". */
  static List<String> in(JsonNode document) {
    List<String> found = new ArrayList<>();
    walk(document, "", found);
    return found;
  }

  private static void walk(JsonNode node, String path, List<String> found) {
    if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
      found.add(
          (path.isEmpty() ? "$" : "$" + path) + ": " + node.asText() + " is not a finite number");
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", found);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field :
          (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        walk(field.getValue(), path + "." + field.getKey(), found);
      }
    }
  }
}
