package io.micromodels.evaluation.gate;

import io.micromodels.features.ConfigException;
import io.micromodels.features.config.GateSpec;
import java.util.TreeSet;

/**
 * User-facing errors of gates and objectives, kept together so their messages are reviewed
 * together.
 */
final class GateErrors {
  private GateErrors() {}

  static ConfigException objectiveSyntax(String text) {
    return new ConfigException(
        "--objective '"
            + text
            + "' must be metric:change, a change vs the"
            + " champion (pr_auc:+0.01, log_loss:-0.01), or metric:bound, an absolute bound"
            + " (pr_auc:0.45).");
  }

  static ConfigException unknownObjectiveMetric(String text, String metric) {
    return new ConfigException(
        "--objective '"
            + text
            + "': unknown metric "
            + metric
            + ". Use one of "
            + String.join(", ", new TreeSet<>(GateSpec.METRICS))
            + ".");
  }

  static ConfigException neutralObjectiveMetric(String text, String metric) {
    return new ConfigException(
        "--objective '"
            + text
            + "': "
            + metric
            + " is neither better"
            + " higher nor lower (the policy sets it), so an objective on it has no direction. Bound it"
            + " with a gate's min/max in the client config instead.");
  }

  static ConfigException changeOfComparisonMetric(String text, String metric) {
    return new ConfigException(
        "--objective '"
            + text
            + "': "
            + metric
            + " already compares the"
            + " candidate with the champion, so a change vs the champion has no meaning. Give an"
            + " absolute bound instead, e.g. "
            + metric
            + ":0.05.");
  }

  static ConfigException relativeGateOnComparisonMetric(String metric, String key) {
    return new ConfigException(
        "Gate "
            + metric
            + " sets "
            + key
            + ", but "
            + metric
            + " already compares the candidate with the champion. Use min or max for it in the client"
            + " config's gates.");
  }
}
