package io.micromodels.training.policy;

/**
 * How a block-rate target became thresholds, kept in {@code model.json} and the manifest so a
 * release shows what it was aiming at and what it achieved on the rows it was fitted on.
 *
 * @param region the region, or null for decision events in no declared region (the defaults)
 * @param source whose score distribution set the thresholds
 * @param rows the calibration rows of the region (or of no region)
 * @param targetBlockRate the share of events to prevent
 * @param targetReviewRate the share to review on top of it, or null for no review band
 * @param reviewAt the derived review threshold (equals {@code preventAt} without a review band)
 * @param preventAt the derived prevent threshold
 * @param achievedBlockRate the share of the region's rows at or above {@code preventAt}; null
 *     without rows
 * @param achievedReviewRate the share in {@code [reviewAt, preventAt)}; null without rows
 */
public record DerivedThreshold(
    String region,
    Source source,
    int rows,
    double targetBlockRate,
    Double targetReviewRate,
    double reviewAt,
    double preventAt,
    Double achievedBlockRate,
    Double achievedReviewRate) {

  /** Whose score distribution set the thresholds. */
  public enum Source {
    /** The region's own rows. */
    REGION,
    /** All rows pooled: the region had too few rows to set its own threshold. */
    POOLED
  }

  public DerivedThreshold {
    ActionPolicy.checkBand(reviewAt, preventAt);
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
  }
}
