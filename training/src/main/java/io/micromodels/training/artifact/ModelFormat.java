package io.micromodels.training.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code model.json}. Doubles are written in Java's shortest round-trip form, so
 * a model read back scores bit for bit like the one written. A reader checks the format version
 * first and names what it found.
 */
public final class ModelFormat {
  /** The version of the {@code model.json} layout this code writes and reads. */
  public static final int VERSION = 1;
  public static final String FILE_NAME = "model.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ModelFormat() {}

  public static String toJson(ClientModel model) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render model of client " + model.clientId(), e);
    }
  }

  /** Parses a model; fails naming the problem when the text is not a model of this version. */
  public static ClientModel fromJson(String json, String origin) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(origin + " is not JSON: " + e.getOriginalMessage());
    }

    JsonNode version = tree == null ? null : tree.get("format_version");
    if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
      throw new ModelFormatException(origin + ": expected a model.json of format_version "
          + VERSION + ", found " + (version == null ? "no format_version" : version.toString()));
    }

    try {
      return MAPPER.treeToValue(tree, ClientModel.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelFormatException(origin + ": invalid model: " + e.getMessage());
    }
  }

  public static void write(ClientModel model, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, toJson(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static ClientModel read(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ModelFormatException("cannot read model " + file + ": " + e.getMessage());
    }
  }

  /** A JSON value of any part of a model, in the model's naming. */
  public static String render(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
    }
  }

  /** Parses a part of a model rendered with {@link #render}. */
  public static <T> T parse(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot parse " + type.getSimpleName(), e);
    }
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
