package io.micromodels.evaluation.gate;

import static io.micromodels.evaluation.gate.Formats.signedThreshold;
import static io.micromodels.evaluation.gate.Formats.threshold;

import io.micromodels.features.config.GateSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The objective of a hypothesis-driven ad-hoc backtest ({@code --objective}, issue 5 item 5).
 *
 * <p>{@code metric:+x} or {@code metric:-x} is a required {@link Kind#CHANGE} vs the champion, read
 * in the metric's better direction: for a higher-is-better metric candidate − champion ≥ x ({@code
 * pr_auc:+0.01}; {@code pr_auc:-0.01} allows a drop of at most 0.01), for a lower-is-better metric
 * candidate − champion ≤ x ({@code log_loss:-0.01}). {@code metric:x} without a sign is an absolute
 * {@link Kind#BOUND}: at least x for higher-is-better metrics, at most x for lower-is-better ones.
 * Neutral metrics (block and review rate) have no better direction and are refused, as is a change
 * of a metric that already compares with the champion.
 *
 * @param metric one of {@link GateSpec#METRICS}, not neutral
 * @param kind a change vs the champion or an absolute bound
 * @param target the required change (signed) or the bound
 */
public record Objective(String metric, Kind kind, double target) {
  /** The {@code --objective} syntax; the CLI checks the same pattern. */
  public static final Pattern SYNTAX = Pattern.compile("[a-z_]+:[+-]?[0-9]*\\.?[0-9]+");

  /** What the target is. */
  public enum Kind {
    /** A required change of the candidate vs the champion. */
    CHANGE,
    /** An absolute bound on the candidate's value. */
    BOUND
  }

  /**
   * @throws io.micromodels.features.ConfigException when the metric is unknown or neutral, or a
   *     change is asked of a metric that compares with the champion
   */
  public Objective {
    Objects.requireNonNull(kind, "kind");
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("objective target " + target + " is not finite");
    }

    check(metric, kind, metric + ":" + (kind == Kind.CHANGE ? signedAscii(target) : target));
  }

  /**
   * Parses {@code --objective} text such as {@code pr_auc:+0.01} or {@code log_loss:0.3}.
   *
   * @throws io.micromodels.features.ConfigException on bad syntax, naming the forms; on an unknown
   *     metric, naming the valid ones; on a neutral metric; on a change of a comparison metric
   */
  public static Objective parse(String text) {
    if (text == null || !SYNTAX.matcher(text).matches()) {
      throw GateErrors.objectiveSyntax(text);
    }

    int colon = text.indexOf(':');
    String metric = text.substring(0, colon);
    String number = text.substring(colon + 1);
    Kind kind = number.startsWith("+") || number.startsWith("-") ? Kind.CHANGE : Kind.BOUND;
    check(metric, kind, text);
    return new Objective(metric, kind, Double.parseDouble(number));
  }

  /** Which way the metric improves: decides ≥ or ≤. */
  public MetricDirection direction() {
    return MetricCatalogue.direction(metric);
  }

  /** The requirement as people read it: "+0.01" for a change, "≥ 0.45" / "≤ 0.30" for a bound. */
  public String requirement() {
    if (kind == Kind.CHANGE) {
      return signedThreshold(target);
    }

    return (direction() == MetricDirection.HIGHER_IS_BETTER ? "≥ " : "≤ ") + threshold(target);
  }

  /** {@link #evaluate(double, Double, double, double, double)} without a confidence interval. */
  public ObjectiveResult evaluate(double candidate, Double champion) {
    return evaluate(candidate, champion, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * Whether the objective was met, and whether the confidence interval confirms it.
   *
   * @param candidate the candidate's value of the metric (NaN when not measurable)
   * @param champion the champion's value, null without a champion; ignored by a bound
   * @param ciLow the interval's low end (NaN for no interval): of the candidate's value for a
   *     bound, of the paired difference candidate − champion for a change
   * @param ciHigh the interval's high end (NaN for no interval)
   * @param level the interval's confidence level in (0, 1), e.g. 0.95 (NaN for no interval)
   * @return met null when not evaluable (a change without champion, an unmeasurable value)
   * @throws IllegalArgumentException when the interval is given with low > high or a level outside
   *     (0, 1)
   */
  public ObjectiveResult evaluate(
      double candidate, Double champion, double ciLow, double ciHigh, double level) {
    return ObjectiveEvaluation.evaluate(
        this, candidate, champion, ConfidenceInterval.of(ciLow, ciHigh, level));
  }

  private static void check(String metric, Kind kind, String shownAs) {
    if (metric == null || !GateSpec.METRICS.contains(metric)) {
      throw GateErrors.unknownObjectiveMetric(shownAs, metric);
    }

    if (MetricCatalogue.direction(metric) == MetricDirection.NEUTRAL) {
      throw GateErrors.neutralObjectiveMetric(shownAs, metric);
    }

    if (kind == Kind.CHANGE && MetricCatalogue.comparesWithChampion(metric)) {
      throw GateErrors.changeOfComparisonMetric(shownAs, metric);
    }
  }

  private static String signedAscii(double target) {
    return (target < 0 ? "" : "+") + target;
  }
}
