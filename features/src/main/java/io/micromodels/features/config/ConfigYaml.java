package io.micromodels.features.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micromodels.features.ConfigException;
import io.micromodels.features.Quoted;
import io.micromodels.features.SecretFilter;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of config files, client and platform: reads YAML into a tree, refusing what the
 * YAML reader would misread or what could hide or repeat content, and names the file, the place and
 * what was expected when it cannot (issues #8, #30): Jackson reads and reports syntax, encoding and
 * duplicate keys, then {@link HiddenContentScan} refuses what the tree would hide. Every part of
 * the file an error quotes is redacted and capped ({@link Quoted#redacted}).
 */
public final class ConfigYaml {
  /** Far above any real config (a few KB); a larger file is a mistake or an attack. */
  public static final int MAX_BYTES = 1 << 20;

  /** Far deeper than any config's schema (five levels); bounds every reader's recursion. */
  public static final int MAX_DEPTH = 32;

  /** The parser's own first line is short; a longer one quotes the file. */
  private static final int MAX_PARSER_LINE = 400;

  private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (Quoted.MAX_CHARS + 1) + ",}");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ConfigYaml() {}

  /**
   * The tree of a config file, or null when it is empty.
   *
   * @param kind what the file is, for messages: "client config", "platform config"
   */
  public static JsonNode read(Path file, String kind) {
    try {
      byte[] yaml = readBounded(file, kind);
      JsonNode tree = YAML.readTree(yaml);
      HiddenContentScan.check(ConfigNode.root(kind, file, tree), yaml);
      return tree;
    } catch (JsonProcessingException e) {
      // The reader's position in a file that is not UTF-8 is not where the bad byte is.
      boolean encoding = isEncodingError(e);
      throw new ConfigException(
          "Cannot read "
              + kind
              + " "
              + file
              + (encoding ? "" : where(e.getLocation()))
              + ": "
              + parserLine(e.getOriginalMessage())
              + "; expected "
              + (encoding ? "a UTF-8 text file" : expectation(e.getOriginalMessage())),
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read " + kind + " " + file + ": " + Quoted.redacted(e.getMessage()), e);
    }
  }

  private static byte[] readBounded(Path file, String kind) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] yaml = in.readNBytes(MAX_BYTES + 1);
      if (yaml.length > MAX_BYTES) {
        throw new ConfigException(
            "Cannot read "
                + kind
                + " "
                + file
                + ": it is larger than "
                + MAX_BYTES
                + " bytes; expected a config of a few KB");
      }

      return yaml;
    }
  }

  private static boolean isEncodingError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException
          || String.valueOf(t.getMessage()).contains("UTF-8")) {
        return true;
      }
    }

    return false;
  }

  private static String expectation(String message) {
    if (String.valueOf(message).startsWith("Duplicate field")) {
      return "each key once";
    }

    return String.valueOf(message).contains("numeric value") ? "a finite number" : "valid YAML";
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 1
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /**
   * The parser's first line, which may quote the file (a key, a number, a tag): redacted, bounded,
   * and every word longer than a quoted value may be capped as one.
   */
  private static String parserLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    String redacted =
        SecretFilter.redact(
            line.length() <= MAX_PARSER_LINE ? line : line.substring(0, MAX_PARSER_LINE));
    return LONG_WORD
        .matcher(redacted)
        .replaceAll(m -> Matcher.quoteReplacement(Quoted.capped(m.group())));
  }
}
