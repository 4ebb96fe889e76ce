package io.micromodels.evaluation.gate;

import static io.micromodels.evaluation.gate.Formats.threshold;
import static io.micromodels.evaluation.gate.Formats.value;

/** Checks one bound of one gate on measured values and explains the outcome in a sentence. */
final class BoundCheck {
  private BoundCheck() {}

  static GateCheck check(Bound bound, double limit, Measured m) {
    return bound.isRelative() ? relative(bound, limit, m) : absolute(bound, limit, m);
  }

  /** A check of a label-based metric whose windows' maturity is {@code maturity}. */
  static GateCheck check(Bound bound, double limit, Measured m, LabelMaturity maturity) {
    if (!bound.isRelative() && maturity.noneMature()) {
      String text = (bound == Bound.MIN ? "≥ " : "≤ ") + threshold(limit);
      return result(
          bound, m, text, limit, CheckStatus.NOT_CHECKED, maturity.notChecked(m.metric()));
    }

    GateCheck checked = check(bound, limit, m);
    if (checked.status() == CheckStatus.NOT_CHECKED) {
      return checked;
    }

    return checked.withReason(checked.reason() + maturity.note());
  }

  private static GateCheck absolute(Bound bound, double limit, Measured m) {
    String text = (bound == Bound.MIN ? "≥ " : "≤ ") + threshold(limit);
    if (MetricCatalogue.comparesWithChampion(m.metric()) && !m.hasChampion()) {
      return result(
          bound,
          m,
          text,
          limit,
          CheckStatus.NOT_CHECKED,
          "no champion: "
              + m.metric()
              + " compares the candidate with the champion, so a first release has none");
    }

    if (!isMeasured(m.offline())) {
      return result(
          bound,
          m,
          text,
          limit,
          CheckStatus.FAIL,
          m.cause() != null
              ? m.cause()
              : notMeasurable(
                  m.metric(), why(m.offline(), "the evaluation reported no value"), text));
    }

    double offline = m.offline();
    boolean holds =
        bound == Bound.MIN ? Tolerance.atLeast(offline, limit) : Tolerance.atMost(offline, limit);
    String stated = m.metric() + " " + value(offline);
    if (holds) {
      String side = bound == Bound.MIN ? " is at least " : " is at most ";
      return result(bound, m, text, limit, CheckStatus.PASS, stated + side + threshold(limit));
    }

    String side = bound == Bound.MIN ? " below the minimum " : " above the maximum ";
    return result(
        bound,
        m,
        text,
        limit,
        CheckStatus.FAIL,
        stated + " is " + value(Math.abs(offline - limit)) + side + threshold(limit));
  }

  private static GateCheck relative(Bound bound, double allowed, Measured m) {
    String allowance = (bound == Bound.MAX_DROP ? "drop" : "increase");
    String text = allowance + " ≤ " + threshold(allowed);
    if (!m.hasChampion()) {
      return result(bound, m, text, null, CheckStatus.NOT_CHECKED, "no champion: first release");
    }

    if (!isMeasured(m.champion())) {
      return result(
          bound,
          m,
          text,
          null,
          CheckStatus.FAIL,
          notMeasurable(
              m.metric(),
              why(m.champion(), "the champion has no value"),
              text + " vs the champion"));
    }

    double champion = m.champion();
    text += " vs " + value(champion);
    double limit = bound == Bound.MAX_DROP ? champion - allowed : champion + allowed;
    if (!isMeasured(m.offline())) {
      return result(
          bound,
          m,
          text,
          limit,
          CheckStatus.FAIL,
          notMeasurable(m.metric(), why(m.offline(), "the evaluation reported no value"), text));
    }

    double change = m.offline() - champion;
    boolean holds = Tolerance.atMost(bound == Bound.MAX_DROP ? -change : change, allowed);
    String versus = versusChampion(m.metric(), m.offline(), champion);
    String allowedText = "allowed " + allowance + " " + threshold(allowed);
    return holds
        ? result(bound, m, text, limit, CheckStatus.PASS, versus + ", within the " + allowedText)
        : result(bound, m, text, limit, CheckStatus.FAIL, versus + " (" + allowedText + ")");
  }

  /** "pr_auc 0.372 is 0.038 below the champion's 0.410". */
  private static String versusChampion(String metric, double offline, double champion) {
    String stated = metric + " " + value(offline);
    if (offline == champion) {
      return stated + " equals the champion's " + value(champion);
    }

    String side = offline < champion ? " below" : " above";
    return stated
        + " is "
        + value(Math.abs(offline - champion))
        + side
        + " the champion's "
        + value(champion);
  }

  private static String notMeasurable(String metric, String why, String bound) {
    return metric + " is not measurable (" + why + "), so its bound " + bound + " cannot pass";
  }

  private static String why(Double value, String whenAbsent) {
    return value == null ? whenAbsent : "the value is NaN: undefined on this window";
  }

  private static boolean isMeasured(Double value) {
    return value != null && !value.isNaN();
  }

  private static GateCheck result(
      Bound bound, Measured m, String text, Double threshold, CheckStatus status, String reason) {
    return new GateCheck(
        m.metric() + "." + bound.key(),
        m.metric(),
        m.offline(),
        m.live(),
        m.champion(),
        text,
        threshold,
        status,
        reason);
  }
}
