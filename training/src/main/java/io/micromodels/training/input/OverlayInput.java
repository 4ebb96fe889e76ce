package io.micromodels.training.input;

import java.util.List;

/**
 * A row with one numeric column added or replaced: how a micromodel's log-odds reach the combiner
 * (column {@code micromodel.<name>}) without copying the row.
 */
public record OverlayInput(ModelInput base, String column, double value) implements ModelInput {
  @Override
  public String text(String name) {
    return column.equals(name) ? Double.toString(value) : base.text(name);
  }

  @Override
  public List<String> texts(String name) {
    return column.equals(name) ? List.of(Double.toString(value)) : base.texts(name);
  }

  @Override
  public Double number(String name) {
    return column.equals(name) ? (Double) value : base.number(name);
  }
}
