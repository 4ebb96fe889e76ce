package io.micromodels.features.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How scores become actions (ALLOW / REVIEW / PREVENT) for a client (DESIGN.md §5). Exactly one
 * style, plus an optional stability rule that maps a new model's scores so that what the client
 * relies on does not move between releases.
 */
public record Policy(Style style, Stability stability) implements Serializable {
  public static final double MAX_BLOCK_RATE = 0.2;
  public static final double MAX_REVIEW_RATE = 0.5;

  public Policy {
    Objects.requireNonNull(style, "style");
  }

  /** One of the ways clients use scores. */
  public sealed interface Style extends Serializable
      permits Thresholds, BlockRateTargets, GlobalThreshold {}

  /**
   * Fixed score thresholds with per-segment exceptions (first matching exception wins).
   *
   * @param reviewAt score at or above which an event is reviewed
   * @param preventAt score at or above which it is prevented
   */
  public record Thresholds(double reviewAt, double preventAt, List<SegmentThreshold> exceptions)
      implements Style {
    public Thresholds {
      exceptions = List.copyOf(exceptions);
      checkOrder(reviewAt, preventAt);
    }
  }

  /**
   * Thresholds for one segment.
   *
   * @param dimension {@code country}, {@code category} or {@code region}
   */
  public record SegmentThreshold(String dimension, String value, double reviewAt, double preventAt)
      implements Serializable {
    public SegmentThreshold {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(value, "value");
      checkOrder(reviewAt, preventAt);
    }
  }

  /**
   * Per-region block-rate targets: thresholds are derived from the score distribution on recent
   * data so that each region's prevented share meets its target.
   */
  public record BlockRateTargets(Map<String, RegionTarget> regions) implements Style {
    public BlockRateTargets {
      regions = Collections.unmodifiableMap(new TreeMap<>(regions));
      if (regions.isEmpty()) {
        throw new IllegalArgumentException("block-rate targets need at least one region");
      }
    }
  }

  /** A region's target block rate and optional review rate (shares of decision events). */
  public record RegionTarget(double blockRate, Double reviewRate) implements Serializable {
    public RegionTarget {
      if (!(blockRate > 0 && blockRate <= MAX_BLOCK_RATE)) {
        throw new IllegalArgumentException(
            "block rate must be within (0, " + MAX_BLOCK_RATE + "]: " + blockRate);
      }

      if (reviewRate != null && !(reviewRate >= 0 && reviewRate <= MAX_REVIEW_RATE)) {
        throw new IllegalArgumentException(
            "review rate must be within 0.." + MAX_REVIEW_RATE + ": " + reviewRate);
      }
    }
  }

  /** One threshold for everything, with an optional review band below it. */
  public record GlobalThreshold(double preventAt, Double reviewAt) implements Style {
    public GlobalThreshold {
      if (reviewAt != null) {
        checkOrder(reviewAt, preventAt);
      }
    }
  }

  /** What must not move between the champion and a new model. */
  public enum Stability {
    BLOCK_RATE_AT_THRESHOLD,
    FRAUD_RATE_AT_SCORE
  }

  static void checkOrder(double reviewAt, double preventAt) {
    if (reviewAt > preventAt) {
      throw new IllegalArgumentException(
          "review_at (" + reviewAt + ") must not exceed prevent_at (" + preventAt + ")");
    }
  }
}
