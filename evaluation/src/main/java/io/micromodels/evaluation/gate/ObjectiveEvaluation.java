package io.micromodels.evaluation.gate;

import java.util.function.DoubleFunction;

/** Evaluates an {@link Objective} on measured values and words the outcome. */
final class ObjectiveEvaluation {
  private ObjectiveEvaluation() {}

  static ObjectiveResult evaluate(
      Objective objective, double candidate, Double champion, ConfidenceInterval ci) {
    String metric = objective.metric();
    if (Double.isNaN(candidate)) {
      String hint =
          MetricCatalogue.comparesWithChampion(metric)
              ? " (it compares the candidate with the champion: is there one?)"
              : "";
      return notEvaluable(objective, metric + " is not measurable" + hint);
    }

    boolean change = objective.kind() == Objective.Kind.CHANGE;
    if (change && champion == null) {
      return notEvaluable(objective, metric + ": no champion to compare with (first release)");
    }

    if (change && champion.isNaN()) {
      return notEvaluable(objective, metric + ": the champion's value is not measurable");
    }

    double observed = change ? candidate - champion : candidate;
    DoubleFunction<String> format = change ? Formats::signedValue : Formats::value;
    String head = metric + " " + format.apply(observed) + (change ? " vs the champion" : "");
    MetricDirection direction = objective.direction();
    boolean met = direction.isAtLeastAsGood(observed, objective.target());
    if (ci == null) {
      return new ObjectiveResult(
          objective,
          met,
          false,
          observed,
          null,
          null,
          null,
          head
              + ": objective "
              + objective.requirement()
              + (met ? " met" : " not met")
              + " (no confidence interval)");
    }

    // The end nearest to failing decides confidence; the other end whether the interval rules
    // the objective out.
    boolean higher = direction == MetricDirection.HIGHER_IS_BETTER;
    double worst = higher ? ci.low() : ci.high();
    double best = higher ? ci.high() : ci.low();
    boolean confident = met && direction.isAtLeastAsGood(worst, objective.target());
    boolean ruledOut = !direction.isAtLeastAsGood(best, objective.target());
    String verdict =
        met
            ? (confident ? "met, confirmed by the interval" : "met, not confirmed by the interval")
            : (ruledOut
                ? "not met, ruled out by the interval"
                : "not met, though the interval does not rule it out");
    String interval =
        " ("
            + Formats.level(ci.level())
            + " CI "
            + format.apply(ci.low())
            + " … "
            + format.apply(ci.high())
            + ")";
    return new ObjectiveResult(
        objective,
        met,
        confident,
        observed,
        ci.low(),
        ci.high(),
        ci.level(),
        head + interval + ": objective " + objective.requirement() + " " + verdict);
  }

  private static ObjectiveResult notEvaluable(Objective objective, String why) {
    return new ObjectiveResult(
        objective,
        null,
        false,
        null,
        null,
        null,
        null,
        why + ": objective " + objective.requirement() + " not evaluable");
  }
}
