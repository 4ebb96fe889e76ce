package io.micromodels.features.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A position in a parsed YAML file: typed reads that fail with the file, the key path, what was
 * expected and what was found.
 */
final class ConfigNode {
  private final Path file;
  private final String path;
  private final JsonNode node;

  ConfigNode(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  Path file() {
    return file;
  }

  String path() {
    return path;
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** Whether {@code key} is written with a null value ({@code key: null}), which has() hides. */
  boolean isExplicitNull(String key) {
    JsonNode value = node.get(key);
    return value != null && value.isNull();
  }

  ConfigNode child(String key) {
    return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, node.get(key));
  }

  /** Fails on keys outside {@code allowed}, suggesting the closest allowed key. */
  ConfigNode allowOnly(Set<String> allowed) {
    requireMapping();
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!allowed.contains(key)) {
        String suggestion = closest(key, allowed);
        throw error(child(key).path, "unknown key",
            "one of " + allowed.stream().sorted().toList()
                + (suggestion == null ? "" : " (did you mean `" + suggestion + "`?)"),
            null);
      }
    }

    return this;
  }

  String string(String key, String fallback) {
    ConfigNode value = child(key);
    if (value.isAbsent()) {
      return fallback;
    }

    if (!value.node.isTextual()) {
      throw value.mismatch("a string");
    }

    return value.node.textValue();
  }

  String requiredString(String key) {
    String value = string(key, null);
    if (value == null || value.isBlank()) {
      throw error(child(key).path, "missing", "a non-empty string", null);
    }

    return value;
  }

  double number(String key, double fallback, double min, double max) {
    ConfigNode value = child(key);
    if (value.isAbsent()) {
      return fallback;
    }

    if (!value.node.isNumber()) {
      throw value.mismatch("a number within " + min + ".." + max);
    }

    double number = value.node.doubleValue();
    if (number < min || number > max) {
      throw value.mismatch("a number within " + min + ".." + max);
    }

    return number;
  }

  Double optionalNumber(String key, double min, double max) {
    return has(key) ? number(key, 0, min, max) : null;
  }

  int integer(String key, int fallback, int min, int max) {
    ConfigNode value = child(key);
    if (value.isAbsent()) {
      return fallback;
    }

    if (!value.node.isIntegralNumber() || !value.node.canConvertToInt()
        || value.node.intValue() < min || value.node.intValue() > max) {
      throw value.mismatch("a whole number within " + min + ".." + max);
    }

    return value.node.intValue();
  }

  boolean flag(String key, boolean fallback) {
    ConfigNode value = child(key);
    if (value.isAbsent()) {
      return fallback;
    }

    if (!value.node.isBoolean()) {
      throw value.mismatch("true or false");
    }

    return value.node.booleanValue();
  }

  List<ConfigNode> list(String key) {
    ConfigNode value = child(key);
    return value.isAbsent() ? List.of() : value.items();
  }

  /** The items of this list. */
  List<ConfigNode> items() {
    if (node == null || !node.isArray()) {
      throw mismatch("a list");
    }

    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
    }

    return items;
  }

  List<String> strings(String key, List<String> fallback) {
    if (!has(key)) {
      return fallback;
    }

    List<String> values = new ArrayList<>();
    for (ConfigNode item : list(key)) {
      if (!item.node.isTextual() || item.node.textValue().isBlank()) {
        throw item.mismatch("a non-empty string");
      }

      values.add(item.node.textValue());
    }

    return values;
  }

  /** A list of strings each matching {@code pattern}, or {@code fallback} when absent. */
  List<String> strings(String key, List<String> fallback, java.util.regex.Pattern pattern,
      String expected) {
    if (!has(key)) {
      return fallback;
    }

    return list(key).stream().map(item -> item.matching(pattern, expected)).toList();
  }

  Map<String, ConfigNode> mapping(String key) {
    ConfigNode value = child(key);
    return value.isAbsent() ? Map.of() : value.entries();
  }

  /** A string matching {@code pattern}; {@code expected} describes it in the message. */
  String matching(java.util.regex.Pattern pattern, String expected) {
    if (node == null || !node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
      throw mismatch(expected);
    }

    return node.textValue();
  }

  /** The entries of this mapping, in file order. */
  Map<String, ConfigNode> entries() {
    requireMapping();
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(k -> entries.put(k, child(k)));
    return entries;
  }

  ConfigNode requireMapping() {
    if (node == null || !node.isObject()) {
      throw mismatch("a mapping of keys to values");
    }

    return this;
  }

  String text() {
    if (node == null || !node.isValueNode()) {
      throw mismatch("a single value");
    }

    return node.asText();
  }

  double asNumber(double min, double max) {
    if (node == null || !node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
      throw mismatch("a number within " + min + ".." + max);
    }

    return node.doubleValue();
  }

  boolean isAbsent() {
    return node == null || node.isNull() || node.isMissingNode();
  }

  ConfigException mismatch(String expected) {
    return error(path, "invalid value", expected, isAbsent() ? "nothing" : node.toString());
  }

  /** An error at this node for a rule that involves its value. */
  ConfigException invalid(String rule) {
    return new ConfigException(
        "Invalid client config " + file + ": key `" + path + "`: " + rule + ".");
  }

  ConfigException error(String keyPath, String problem, String expected, String found) {
    return new ConfigException(
        "Invalid client config " + file + ": key `" + keyPath + "`: " + problem + "; expected "
            + expected + (found == null ? "" : ", found " + found) + ".");
  }

  /** The allowed value closest to {@code key} within two edits, or null. */
  static String closest(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : allowed) {
      int distance = distance(key, candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }

    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }

    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }

      previous = current;
    }

    return previous[b.length()];
  }
}
