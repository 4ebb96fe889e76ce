package io.micromodels.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Where two JSON trees differ, numbers compared with a relative tolerance: for artifacts whose
 * distributed fits may differ in the last bits between runs (docs/reliability.md).
 */
public final class JsonNear {
  private JsonNear() {}

  /** The paths that differ (at most {@code limit}), each with both values. */
  public static List<String> differences(JsonNode expected, JsonNode actual, double relative,
      int limit) {
    List<String> found = new ArrayList<>();
    walk("$", expected, actual, relative, found, limit);
    return found;
  }

  private static void walk(String path, JsonNode a, JsonNode b, double tolerance,
      List<String> found, int limit) {
    if (found.size() >= limit) {
      return;
    }

    if (a.isNumber() && b.isNumber()) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      if (Math.abs(x - y) > tolerance * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)))) {
        found.add(path + ": " + a + " vs " + b);
      }
    } else if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (!a.has(key) || !b.has(key)) {
          found.add(path + "." + key + ": only in " + (a.has(key) ? "expected" : "actual"));
        } else {
          walk(path + "." + key, a.get(key), b.get(key), tolerance, found, limit);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      for (int i = 0; left.hasNext(); i++) {
        walk(path + "[" + i + "]", left.next(), right.next(), tolerance, found, limit);
      }
    } else if (!a.equals(b)) {
      found.add(path + ": " + abbreviated(a) + " vs " + abbreviated(b));
    }
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
