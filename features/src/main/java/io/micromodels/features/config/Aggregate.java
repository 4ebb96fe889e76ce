package io.micromodels.features.config;

/** How a feature summarises an entity's history (DESIGN.md §3.3). */
public enum Aggregate {
  /** Events of the entity in the window. */
  COUNT("count"),
  /** Sum of {@code amount}. */
  SUM("sum"),
  /** Mean of {@code amount}. */
  AVG("avg"),
  /** Largest {@code amount}. */
  MAX("max"),
  /** Distinct values of another column ({@code of}). */
  DISTINCT_COUNT("distinct_count"),
  /** This event's amount divided by the entity's mean amount in the window. */
  AMOUNT_RATIO("amount_ratio"),
  /** Share of the entity's decision events in the delayed window whose fraud label was known. */
  LABEL_RATE("label_rate");

  private final String key;

  Aggregate(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The aggregate spelled {@code key}, or null. */
  public static Aggregate of(String key) {
    for (Aggregate a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }

    return null;
  }
}
