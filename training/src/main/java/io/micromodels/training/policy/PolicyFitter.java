package io.micromodels.training.policy;

import io.micromodels.features.config.Policy;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a client's {@code policy} config into an {@link ActionPolicy}. Fixed thresholds ({@code
 * thresholds} with exceptions in config order, {@code global_threshold}) compile directly; {@code
 * block_rate_targets} are turned into per-region thresholds on the given rows by {@link
 * BlockRateThresholds}. The policy's {@code stability} rule is not applied here: it shapes the
 * score scale, and the scores passed in are already on it.
 */
public final class PolicyFitter {
  private PolicyFitter() {}

  /**
   * @param policy the client's policy
   * @param regions the client's regions (region to ISO country codes; a country in at most one)
   * @param scores the final 0..100 scores of the recent (calibration) rows
   * @param rows those rows, aligned with {@code scores}
   * @throws IllegalArgumentException when scores and rows differ in length, a score is outside
   *     0..100, a country is in two regions, or block-rate targets get no rows
   */
  public static ActionPolicy fit(
      Policy policy,
      Map<String, List<String>> regions,
      double[] scores,
      List<? extends ModelInput> rows) {
    if (scores.length != rows.size()) {
      throw new IllegalArgumentException(
          "scores and rows differ in length: " + scores.length + " vs " + rows.size());
    }

    Map<String, String> regionOfCountry = regionOfCountry(regions);
    Policy.Style style = policy.style();
    if (style instanceof Policy.Thresholds t) {
      return new ActionPolicy(
          t.reviewAt(),
          t.preventAt(),
          t.exceptions().stream().map(SegmentRule::of).toList(),
          regionOfCountry,
          List.of());
    }

    if (style instanceof Policy.GlobalThreshold g) {
      return new ActionPolicy(
          g.reviewAt() == null ? g.preventAt() : g.reviewAt(),
          g.preventAt(),
          List.of(),
          regionOfCountry,
          List.of());
    }

    return BlockRateThresholds.fit((Policy.BlockRateTargets) style, regionOfCountry, scores, rows);
  }

  private static Map<String, String> regionOfCountry(Map<String, List<String>> regions) {
    Map<String, String> regionOf = new TreeMap<>();
    regions.forEach(
        (region, countries) ->
            countries.forEach(
                country -> {
                  String before = regionOf.put(country, region);
                  if (before != null && !before.equals(region)) {
                    throw new IllegalArgumentException(
                        "country " + country + " is in two regions: " + before + " and " + region);
                  }
                }));
    return regionOf;
  }
}
