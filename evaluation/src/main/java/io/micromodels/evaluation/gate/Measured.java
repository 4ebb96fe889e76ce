package io.micromodels.evaluation.gate;

import java.util.Map;

/**
 * One metric's values as the gate sees them. Null is absent; NaN is reported but not measurable.
 *
 * @param champion null when there is no champion or it has no value for the metric
 * @param hasChampion whether there is a champion at all
 * @param cause why the offline value may be missing or NaN, null when unknown
 */
record Measured(
    String metric,
    Double offline,
    Double live,
    Double champion,
    boolean hasChampion,
    String cause) {
  static Measured of(
      String metric,
      Map<String, Double> offline,
      Map<String, Double> live,
      Map<String, Double> champion,
      String cause) {
    return new Measured(
        metric,
        lookUp(offline, metric),
        lookUp(live, metric),
        lookUp(champion, metric),
        champion != null,
        cause);
  }

  private static Double lookUp(Map<String, Double> values, String metric) {
    return values == null ? null : values.get(metric);
  }
}
