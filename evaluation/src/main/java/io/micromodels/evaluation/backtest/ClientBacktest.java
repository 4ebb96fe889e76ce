package io.micromodels.evaluation.backtest;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the driver learns of one client's backtest (the rows stay in the task that evaluated them):
 * the gate's verdict, the happy-path table as printed, the key metrics and where the files are.
 *
 * @param gatePassed null when the client could not be evaluated
 * @param objectiveMet null without an objective or when it could not be evaluated
 * @param reportPath the client's {@code report.html}, null when it failed
 * @param evaluateSeconds time the task spent computing metrics, gate and objective
 * @param writeSeconds time it spent rendering and writing the report, metrics.json and scores
 */
public record ClientBacktest(
    String clientId,
    Status status,
    String message,
    long rows,
    long frauds,
    Boolean gatePassed,
    List<String> gateFailures,
    String happyPath,
    String objectiveStatement,
    Boolean objectiveMet,
    String parentVerdict,
    Map<String, Double> offline,
    String reportPath,
    String metricsPath,
    String scoresPath,
    double evaluateSeconds,
    double writeSeconds)
    implements Serializable {
  /** Whether the client was evaluated. */
  public enum Status {
    EVALUATED,
    FAILED
  }

  public ClientBacktest {
    gateFailures = List.copyOf(gateFailures);
    offline = Map.copyOf(offline);
  }

  public static ClientBacktest failed(String clientId, String message) {
    return new ClientBacktest(
        clientId,
        Status.FAILED,
        message,
        0,
        0,
        null,
        List.of(),
        "",
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        0,
        0);
  }

  public boolean blocked() {
    return Boolean.FALSE.equals(gatePassed);
  }
}
