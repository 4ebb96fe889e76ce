package io.micromodels.features.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.ConfigException;
import io.micromodels.features.Quoted;
import io.micromodels.features.SecretFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A position in a parsed YAML file: typed reads that fail with the file, the key path, what was
 * expected and what was found. This is where config errors quote the file: keys in paths, found
 * values and values named in a rule are all redacted and capped ({@link Quoted#redacted}), so a
 * secret or a 200 KB value in the wrong place never reaches a message whole.
 */
final class ConfigNode {
  private final String kind;
  private final Path file;
  private final String path;
  private final JsonNode node;

  private ConfigNode(String kind, Path file, String path, JsonNode node) {
    this.kind = kind;
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /**
   * The top of a file's tree.
   *
   * @param kind what the file is, for messages: "client config", "platform config"
   */
  static ConfigNode root(String kind, Path file, JsonNode tree) {
    return new ConfigNode(kind, file, "", tree);
  }

  /** The top of a file that must be a mapping; {@code expected} describes one for the message. */
  static ConfigNode mappingRoot(String kind, Path file, JsonNode tree, String expected) {
    ConfigNode root = root(kind, file, tree);
    if (tree == null || !tree.isObject()) {
      boolean empty = tree == null || tree.isMissingNode() || tree.isNull();
      throw root.error(
          "(top level)",
          "not a mapping",
          expected,
          empty ? "an empty file" : tree.getNodeType().toString().toLowerCase(Locale.ROOT));
    }

    return root;
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
    String quoted = Quoted.redacted(key);
    return new ConfigNode(
        kind,
        file,
        path.isEmpty() ? quoted : path + "." + quoted,
        node == null ? null : node.get(key));
  }

  /** Fails on keys outside {@code allowed}, suggesting the closest allowed key. */
  ConfigNode allowOnly(Set<String> allowed) {
    requireMapping();
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!allowed.contains(key)) {
        String suggestion = closest(key, allowed);
        throw error(
            child(key).path,
            "unknown key",
            "one of "
                + allowed.stream().sorted().toList()
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
    if (!(number >= min && number <= max)) { // NaN (.nan) is in no range
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

    if (!value.node.isIntegralNumber()
        || !value.node.canConvertToInt()
        || value.node.intValue() < min
        || value.node.intValue() > max) {
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
      items.add(new ConfigNode(kind, file, path + "[" + i + "]", node.get(i)));
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
  List<String> strings(
      String key, List<String> fallback, java.util.regex.Pattern pattern, String expected) {
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
    if (node == null
        || !node.isNumber()
        || !(node.doubleValue() >= min && node.doubleValue() <= max)) {
      throw mismatch("a number within " + min + ".." + max);
    }

    return node.doubleValue();
  }

  boolean isAbsent() {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** An error for this node's value; under a key that names a credential the value is hidden. */
  ConfigException mismatch(String expected) {
    String found =
        isAbsent()
            ? "nothing"
            : SecretFilter.namesCredential(path) ? SecretFilter.REDACTED : Quoted.redacted(node);
    return error(path, "invalid value", expected, found);
  }

  /**
   * An error at this node for a rule that involves values: each {@code %s} of {@code rule} is one
   * of {@code values}, quoted as the file's content is quoted (redacted and capped).
   */
  ConfigException invalid(String rule, Object... values) {
    Object[] quoted = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      quoted[i] = Quoted.redacted(String.valueOf(values[i]));
    }

    return new ConfigException(
        "Invalid "
            + kind
            + " "
            + file
            + ": key `"
            + path
            + "`: "
            + (values.length == 0 ? rule : rule.formatted(quoted))
            + ".");
  }

  /** An error at {@code keyPath} (already quoted: a path of this file's nodes). */
  ConfigException error(String keyPath, String problem, String expected, String found) {
    return new ConfigException(
        "Invalid "
            + kind
            + " "
            + file
            + ": key `"
            + keyPath
            + "`: "
            + problem
            + "; expected "
            + expected
            + (found == null ? "" : ", found " + found)
            + ".");
  }

  /** The allowed value closest to {@code key} within two edits, or null. */
  static String closest(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : allowed) {
      if (Math.abs(key.length() - candidate.length()) >= bestDistance) {
        continue; // the length difference alone is too many edits
      }

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
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }

      previous = current;
    }

    return previous[b.length()];
  }
}
