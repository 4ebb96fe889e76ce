package io.micromodels.scorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scores decision events given as JSON Lines: one JSON object per line holding the event's
 * feature-table columns (DESIGN.md §3.3), one JSON object per line out with its score. Doubles are
 * read and written in Java's shortest round-trip form, so a line scores exactly as the same values
 * handed to {@link Scorer} in memory.
 *
 * <p>Input columns: a string, number or boolean is that column's value; an array is a list column
 * ({@code item_names}, {@code item_categories}); a nested object becomes {@code <key>.<sub>}
 * columns (so {@code "attributes": {"store": "s1"}} is column {@code attributes.store}, as the
 * Spark path flattens the {@code attributes} map); null is absent.
 *
 * <p>Output: {@code event_id} (when the input has one), {@code score} (0-100), {@code action},
 * {@code probability} and {@code contributions} (each combiner input's share of the log-odds, in
 * combiner order). A line that cannot be scored gives {@code {"line": n, "error": "..."}} instead,
 * so the output keeps one line per non-blank input line; blank lines are skipped.
 */
public final class ScoreLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT_ID = "event_id";

  private final Scorer scorer;

  public ScoreLines(Scorer scorer) {
    this.scorer = scorer;
  }

  /** How many lines a run scored and how many it could not. */
  public record Summary(long scored, long failed) {}

  /**
   * The columns of one input line.
   *
   * @throws IllegalArgumentException when the line is not a JSON object
   */
  public static ModelInput input(String line) {
    return new MapInput(columns(parse(line)));
  }

  /** The output line (without a line break) of one input line, or its error line. */
  public String score(String line, long lineNumber) {
    return answer(line, lineNumber).text();
  }

  /** An output line and whether it reports an error. */
  private record Answer(String text, boolean isError) {}

  private Answer answer(String line, long lineNumber) {
    JsonNode event;
    try {
      event = parse(line);
    } catch (IllegalArgumentException e) {
      return error(lineNumber, e.getMessage());
    }

    ObjectNode out = JSON.createObjectNode();
    JsonNode eventId = event.get(EVENT_ID);
    if (eventId != null && eventId.isValueNode() && !eventId.isNull()) {
      out.put(EVENT_ID, eventId.asText());
    }

    ScoreResult result;
    try {
      result = scorer.score(new MapInput(columns(event)));
    } catch (RuntimeException e) {
      return error(lineNumber, "cannot score: " + e.getMessage());
    }

    out.put("score", result.score());
    out.put("action", result.action().name());
    out.put("probability", result.probability());
    ObjectNode contributions = out.putObject("contributions");
    result.contributions().forEach(contributions::put);
    return new Answer(out.toString(), false);
  }

  /** Scores every line of {@code in} to {@code out}, one line each; flushes {@code out}. */
  public Summary run(BufferedReader in, Writer out) throws IOException {
    long scored = 0;
    long failed = 0;
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }

      Answer answer = answer(line, lineNumber);
      out.write(answer.text());
      out.write('\n');
      if (answer.isError()) {
        failed++;
      } else {
        scored++;
      }
    }

    out.flush();
    return new Summary(scored, failed);
  }

  private static Answer error(long lineNumber, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("line", lineNumber);
    out.put("error", message);
    return new Answer(out.toString(), true);
  }

  private static JsonNode parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }

    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "expected a JSON object of feature-table columns, found "
              + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
    }

    return node;
  }

  private static Map<String, Object> columns(JsonNode event) {
    Map<String, Object> columns = new HashMap<>();
    flatten("", event, columns);
    return columns;
  }

  private static void flatten(String prefix, JsonNode object, Map<String, Object> into) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(name + ".", value, into);
      } else if (value.isArray()) {
        List<Object> items = new ArrayList<>(value.size());
        value.forEach(
            item -> {
              if (!item.isNull()) {
                items.add(scalar(item));
              }
            });
        into.put(name, items);
      } else if (!value.isNull()) {
        into.put(name, scalar(value));
      }
    }
  }

  /** A value node as the Java value a Spark row would hold; containers as their JSON text. */
  private static Object scalar(JsonNode value) {
    if (value.isNumber()) {
      return value.numberValue();
    }

    if (value.isBoolean()) {
      return value.booleanValue();
    }

    return value.isTextual() ? value.textValue() : value.toString();
  }
}
