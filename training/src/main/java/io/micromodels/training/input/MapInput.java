package io.micromodels.training.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ModelInput} over a map of column values, as a live service or a converted Spark row
 * hands it over. Numbers may be any {@link Number} (or a numeric string), booleans count as 1/0;
 * lists may hold any values, rendered with {@code String.valueOf} and nulls dropped.
 */
public record MapInput(Map<String, Object> values) implements ModelInput {
  public MapInput {
    values = Collections.unmodifiableMap(new HashMap<>(values));
  }

  @Override
  public String text(String column) {
    Object value = values.get(column);
    return value == null ? null : value.toString();
  }

  @Override
  public List<String> texts(String column) {
    Object value = values.get(column);
    if (!(value instanceof Iterable<?> items)) {
      return value == null ? List.of() : List.of(value.toString());
    }

    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        texts.add(item.toString());
      }
    }

    return texts;
  }

  @Override
  public Double number(String column) {
    Object value = values.get(column);
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof Boolean b) {
      number = b ? 1 : 0;
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }

    return Double.isFinite(number) ? number : null;
  }
}
