package io.micromodels.training.input;

import java.util.List;

/**
 * One decision event as micromodels see it: its feature-table columns by name (DESIGN.md §3.3), the
 * same in training, backtest and the live scorer. Absent values are null (numbers, texts) or an
 * empty list (lists); implementations never throw for an unknown column.
 */
public interface ModelInput {
  /** A text column (email, country, a category, ...), or null when absent. */
  String text(String column);

  /** A list column ({@code item_names}, {@code item_categories}), empty when absent. */
  List<String> texts(String column);

  /**
   * A numeric column (aggregates, amount, {@code time.night}), or null when absent or not finite.
   */
  Double number(String column);
}
