package io.micromodels.training.featurize;

import io.micromodels.training.input.ModelInput;
import java.util.List;

/**
 * A test input answering every column with the same values, including ones {@code MapInput} never
 * hands out (NaN, null list elements), to prove featurizers guard against them.
 */
record FixedInput(String text, List<String> texts, Double number) implements ModelInput {
  @Override
  public String text(String column) {
    return text;
  }

  @Override
  public List<String> texts(String column) {
    return texts;
  }

  @Override
  public Double number(String column) {
    return number;
  }
}
