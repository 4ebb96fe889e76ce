package io.micromodels.evaluation.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference cases that {@code evaluation/src/test/python/make_metric_fixtures.py}
 * computed with scikit-learn, scipy and numpy into {@code src/test/resources/metrics/}.
 */
final class MetricFixtures {
  /** Java and numpy sum in different orders; the fixtures agree to far better than this. */
  static final double TOLERANCE = 1e-12;

  private MetricFixtures() {}

  /** The cases of {@code metrics/<file>.json}. */
  static List<JsonNode> cases(String file) {
    String resource = "/metrics/" + file + ".json";
    try (InputStream in = MetricFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<JsonNode> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case called {@code name}. */
  static JsonNode named(String file, String name) {
    return cases(file).stream()
        .filter(c -> c.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no case " + name + " in " + file));
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }

  static boolean[] booleans(JsonNode array) {
    boolean[] values = new boolean[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).booleanValue();
    }
    return values;
  }

  static String[] strings(JsonNode array) {
    String[] values = new String[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asText();
    }
    return values;
  }

  /** A reference value; null (undefined) reads as NaN. */
  static double value(JsonNode node) {
    return node.isNull() ? Double.NaN : node.doubleValue();
  }
}
