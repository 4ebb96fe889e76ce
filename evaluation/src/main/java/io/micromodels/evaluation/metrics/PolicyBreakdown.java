package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Policy outcomes overall, per region and per segment, as the report's policy-impact table shows
 * them. The maps are sorted by key.
 *
 * @param bySegment keyed by {@code key=value} segment; an event counts in every segment it lists,
 *     so these do not add up to {@code overall}
 */
public record PolicyBreakdown(
    PolicyOutcome overall,
    SortedMap<String, PolicyOutcome> byRegion,
    SortedMap<String, PolicyOutcome> bySegment)
    implements Serializable {
  public PolicyBreakdown {
    byRegion = sortedCopy(byRegion);
    bySegment = sortedCopy(bySegment);
  }

  private static SortedMap<String, PolicyOutcome> sortedCopy(Map<String, PolicyOutcome> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(map)));
  }
}
