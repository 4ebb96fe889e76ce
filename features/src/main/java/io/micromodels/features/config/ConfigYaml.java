package io.micromodels.features.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.micromodels.features.ConfigException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a client config file into a tree, refusing what the YAML reader would misread, and names
 * the file, the place and what was expected when it cannot (issue #8).
 */
final class ConfigYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ConfigYaml() {}

  static JsonNode read(Path file) {
    try {
      byte[] yaml = Files.readAllBytes(file);
      rejectAliases(file, yaml);
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      // The reader's position in a file that is not UTF-8 is not where the bad byte is.
      boolean encoding = isEncodingError(e);
      throw new ConfigException("Cannot read client config " + file
          + (encoding ? "" : where(e.getLocation())) + ": " + firstLine(e.getOriginalMessage())
          + "; expected " + (encoding ? "a UTF-8 text file" : expectation(e.getOriginalMessage())),
          e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read client config " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Jackson reads an alias ({@code *name}) as the text "name", silently, and never expands it:
   * an error naming the key is clearer than the wrong type that follows (and no alias bomb can
   * grow).
   */
  private static void rejectAliases(Path file, byte[] yaml) throws IOException {
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
      while (parser.nextToken() != null) {
        if (parser.isCurrentAlias()) {
          throw new ConfigNode(file, "", null).error(keyPath(parser.getParsingContext()),
              "a YAML alias *" + parser.getText() + where(parser.currentTokenLocation()),
              "the value written out (anchors and aliases are not supported)", null);
        }
      }
    }
  }

  private static String keyPath(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]"
          : (c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
    }

    return path.length() == 0 ? "(top level)" : path.toString();
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
    return at == null || at.getLineNr() < 1 ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
