package io.micromodels.training.policy;

import io.micromodels.features.config.Policy;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives thresholds from per-region block-rate targets on recent (calibration) rows.
 *
 * <p>A region's prevent threshold is the smallest score s among its rows' scores such that the
 * share of its rows scoring at least s does not exceed the target block rate; with distinct scores
 * the achieved share is within one row ({@code 1 / rows}) below the target, and a tie at the
 * boundary is kept out whole (the achieved share drops below the target rather than exceed it).
 * When even the top score's ties exceed the target, the threshold sits just above the top score and
 * nothing is prevented. The review threshold is derived the same way for the share {@code
 * block_rate + review_rate}; without a review rate it equals the prevent threshold.
 *
 * <p>A region whose rows would put fewer than {@link #MIN_PREVENTED_ROWS} rows at its block rate
 * (rows x block rate below it, including a region without rows) takes its thresholds from all rows
 * pooled instead: a threshold set by a handful of rows moves with each of them. Events in no
 * declared region get the default thresholds: the pooled distribution at the target of the region
 * with the smallest block rate (ties: first region by name), the most cautious target the client
 * stated.
 */
final class BlockRateThresholds {
  static final int MIN_PREVENTED_ROWS = 10;

  /** Slack so that e.g. 0.005 x 10,000 allows 50 rows despite rounding. */
  private static final double COUNT_SLACK = 1e-9;

  private BlockRateThresholds() {}

  static ActionPolicy fit(
      Policy.BlockRateTargets targets,
      Map<String, String> regionOfCountry,
      double[] scores,
      List<? extends ModelInput> rows) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("block-rate targets need calibration rows, got none");
    }

    Map<String, List<Double>> byRegion = new HashMap<>();
    List<Double> unassignedScores = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      checkScore(i, scores[i]);
      String region = ActionPolicy.regionOf(regionOfCountry, rows.get(i));
      List<Double> group =
          region == null
              ? unassignedScores
              : byRegion.computeIfAbsent(region, k -> new ArrayList<>());
      group.add(scores[i]);
      all.add(scores[i]);
    }

    double[] pooled = descending(all);
    List<SegmentRule> rules = new ArrayList<>();
    List<DerivedThreshold> derived = new ArrayList<>();
    targets
        .regions()
        .forEach(
            (region, target) -> {
              double[] own = descending(byRegion.getOrDefault(region, List.of()));
              DerivedThreshold d =
                  own.length * target.blockRate() >= MIN_PREVENTED_ROWS
                      ? derive(region, target, own, own, DerivedThreshold.Source.REGION)
                      : derive(region, target, own, pooled, DerivedThreshold.Source.POOLED);
              derived.add(d);
              rules.add(
                  new SegmentRule(
                      SegmentRule.Dimension.REGION, region, d.reviewAt(), d.preventAt()));
            });
    Policy.RegionTarget cautious =
        targets.regions().values().stream()
            .min(Comparator.comparingDouble(Policy.RegionTarget::blockRate))
            .orElseThrow();
    DerivedThreshold unassigned =
        derive(
            null, cautious, descending(unassignedScores), pooled, DerivedThreshold.Source.POOLED);
    derived.add(unassigned);
    return new ActionPolicy(
        unassigned.reviewAt(), unassigned.preventAt(), rules, regionOfCountry, derived);
  }

  /** Thresholds from {@code basis}, achieved rates on {@code own} (the segment's rows). */
  private static DerivedThreshold derive(
      String region,
      Policy.RegionTarget target,
      double[] own,
      double[] basis,
      DerivedThreshold.Source source) {
    double prevent = thresholdFor(basis, target.blockRate());
    double review =
        target.reviewRate() == null
            ? prevent
            : thresholdFor(basis, target.blockRate() + target.reviewRate());
    Double blocked = own.length == 0 ? null : share(own, prevent, Double.POSITIVE_INFINITY);
    Double reviewed = own.length == 0 ? null : share(own, review, prevent);
    return new DerivedThreshold(
        region,
        source,
        own.length,
        target.blockRate(),
        target.reviewRate(),
        review,
        prevent,
        blocked,
        reviewed);
  }

  /** The smallest score whose at-or-above share of {@code descending} is at most {@code share}. */
  static double thresholdFor(double[] descending, double share) {
    int allowed = (int) Math.floor(share * descending.length + COUNT_SLACK);
    if (allowed == 0) {
      return Math.nextUp(descending[0]);
    }

    int first = Math.min(allowed, descending.length) - 1;
    double candidate = descending[first];
    if (first + 1 < descending.length && descending[first + 1] == candidate) {
      // The tie continues past the allowed count: step up to the next larger distinct score.
      while (first > 0 && descending[first - 1] == candidate) {
        first--;
      }

      return first == 0 ? Math.nextUp(descending[0]) : descending[first - 1];
    }

    return candidate;
  }

  /** The share of rows scoring within {@code [from, below)}. */
  private static double share(double[] scores, double from, double below) {
    int count = 0;
    for (double s : scores) {
      count += s >= from && s < below ? 1 : 0;
    }

    return (double) count / scores.length;
  }

  private static double[] descending(List<Double> scores) {
    return scores.stream()
        .sorted(Comparator.reverseOrder())
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private static void checkScore(int row, double score) {
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException("score of row " + row + " outside 0..100: " + score);
    }
  }
}
