package io.micromodels.evaluation.gate;

import io.micromodels.features.config.GateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The release gate (DESIGN.md §4 Gate): checks a candidate's metrics against a client's gates.
 *
 * <p>Each bound a {@link GateSpec} sets is one {@link GateCheck}, named {@code metric.key} ({@code
 * pr_auc.max_drop}). A value equal to its threshold passes. Decisions:
 *
 * <ul>
 *   <li>A bound relative to the champion ({@code max_drop}, {@code max_increase}) without a
 *       champion is NOT_CHECKED ("no champion: first release") and does not block.
 *   <li>A candidate-vs-champion metric ({@link MetricCatalogue#comparesWithChampion}) without a
 *       champion is NOT_CHECKED: it has no value to check.
 *   <li>Otherwise a candidate value that is missing or NaN FAILs as "not measurable": a gate the
 *       client configured but that cannot be measured must not pass silently. So does a relative
 *       bound when the champion exists but has no value for the metric.
 *   <li>Only the offline value decides; the live value is shown beside it for comparison, since
 *       live scores come from the model in production, not from the candidate.
 * </ul>
 */
public final class Gate {
  private Gate() {}

  /**
   * Refuses gates that can never be checked: a bound relative to the champion on a metric that
   * already compares with the champion. Call it when the client config is loaded, before any Spark
   * work; {@link #evaluate} calls it too.
   *
   * @throws io.micromodels.features.ConfigException naming the gate and the bound
   */
  public static void validate(List<GateSpec> gates) {
    for (GateSpec gate : gates) {
      for (Bound bound : Bound.values()) {
        if (bound.isRelative()
            && bound.of(gate) != null
            && MetricCatalogue.comparesWithChampion(gate.metric())) {
          throw GateErrors.relativeGateOnComparisonMetric(gate.metric(), bound.key());
        }
      }
    }
  }

  /**
   * Checks every bound of every gate.
   *
   * @param gates the client's gates, e.g. {@link GateSpec#defaults()}
   * @param offline the candidate's offline metric values by {@link GateSpec#METRICS} name
   * @param live the same metrics on live scores; null or missing names when there are none
   * @param champion the champion's metric values, null when there is no champion
   * @return one check per bound, in the gates' order, and whether all passed
   * @throws io.micromodels.features.ConfigException when {@link #validate} refuses the gates
   */
  public static GateResult evaluate(
      List<GateSpec> gates,
      Map<String, Double> offline,
      Map<String, Double> live,
      Map<String, Double> champion) {
    return evaluate(gates, offline, live, champion, Map.of());
  }

  /**
   * {@link #evaluate(List, Map, Map, Map)}, naming the known cause when a metric has no value.
   *
   * @param causes by metric name, why the candidate's value may be missing (a missing assertions
   *     file); a check that fails as not measurable states it instead of a bare NaN
   */
  public static GateResult evaluate(
      List<GateSpec> gates,
      Map<String, Double> offline,
      Map<String, Double> live,
      Map<String, Double> champion,
      Map<String, String> causes) {
    return evaluate(gates, offline, live, champion, causes, LabelMaturity.MATURE);
  }

  /**
   * {@link #evaluate(List, Map, Map, Map, Map)} on values whose label-based metrics were pooled
   * over the mature windows of {@code maturity}: their checks name the windows left out; when no
   * window is mature, an absolute bound on a label-based metric is NOT_CHECKED (its value is not an
   * absolute number yet) and a bound relative to the champion is checked on the same immature
   * labels for both models, saying so.
   */
  public static GateResult evaluate(
      List<GateSpec> gates,
      Map<String, Double> offline,
      Map<String, Double> live,
      Map<String, Double> champion,
      Map<String, String> causes,
      LabelMaturity maturity) {
    validate(gates);
    List<GateCheck> checks = new ArrayList<>();
    for (GateSpec gate : gates) {
      Measured measured =
          Measured.of(gate.metric(), offline, live, champion, causes.get(gate.metric()));
      for (Bound bound : Bound.values()) {
        Double limit = bound.of(gate);
        if (limit != null) {
          checks.add(
              MetricCatalogue.needsLabels(gate.metric())
                  ? BoundCheck.check(bound, limit, measured, maturity)
                  : BoundCheck.check(bound, limit, measured));
        }
      }
    }

    return GateResult.of(checks);
  }
}
