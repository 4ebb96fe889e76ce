package io.micromodels.training.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micromodels.features.Quoted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code model.json}. Doubles are written in Java's shortest round-trip form, so a
 * model read back scores bit for bit like the one written. A reader checks the format version first
 * and names what it found.
 */
public final class ModelFormat {
  /** The version of the {@code model.json} layout this code writes and reads. */
  public static final int VERSION = 1;

  public static final String FILE_NAME = "model.json";
  private static final int MAX_PROBLEMS = 10;

  private static final JsonSchemaFile SCHEMA = new JsonSchemaFile("model.schema.json");
  private static final ObjectMapper MAPPER =
      strictNumbers(
          new ObjectMapper()
              // A key given twice is ambiguous: which value a reader keeps is not a model's
              // decision.
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .registerModule(new JavaTimeModule())
              .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

  /** Numbers are JSON numbers: "Infinity", "NaN" or "12" as strings are refused, not coerced. */
  private static ObjectMapper strictNumbers(ObjectMapper mapper) {
    for (LogicalType type : List.of(LogicalType.Float, LogicalType.Integer)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    return mapper;
  }

  private ModelFormat() {}

  public static String toJson(ClientModel model) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render model of client " + model.clientId(), e);
    }
  }

  /**
   * Parses and validates a model as a whole (docs/model-format.md): its shape against {@code
   * model.schema.json}, every number finite, and every part consistent with the others (the
   * records' constructors). Every reader of a model (the scorer, the registry, publish, the
   * backtest) comes through here, so a model that breaks a rule is never scored.
   *
   * @throws ModelFormatException naming {@code origin} and every problem found
   */
  public static ClientModel fromJson(String json, String origin) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(origin + " is not valid JSON: " + e.getOriginalMessage());
    }

    JsonNode version = tree == null ? null : tree.get("format_version");
    if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
      throw new ModelFormatException(
          origin
              + ": expected a model.json of format_version "
              + VERSION
              + ", found "
              + (version == null ? "no format_version" : Quoted.capped(version.toString())));
    }

    List<String> problems = new ArrayList<>(NonFiniteNumbers.in(tree));
    problems.addAll(SCHEMA.problems(tree));
    if (!problems.isEmpty()) {
      throw new ModelFormatException(
          origin
              + ": invalid model ("
              + SCHEMA.resource()
              + "): "
              + String.join("; ", problems.stream().limit(MAX_PROBLEMS).toList())
              + (problems.size() > MAX_PROBLEMS
                  ? "; and " + (problems.size() - MAX_PROBLEMS) + " more"
                  : ""));
    }

    try {
      return MAPPER.treeToValue(tree, ClientModel.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelFormatException(origin + ": invalid model: " + reason(e));
    }
  }

  /** The rule a record refused, without Jackson's source excerpt. */
  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause != cause.getCause()) {
      cause = cause.getCause();
    }

    String path = e instanceof JsonMappingException m ? m.getPathReference() : "";
    String message =
        cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
    return path.isEmpty() ? message : message + " (at " + path + ")";
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
      throw new IllegalArgumentException(
          "cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
