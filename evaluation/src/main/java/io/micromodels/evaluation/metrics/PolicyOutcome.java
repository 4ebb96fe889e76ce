package io.micromodels.evaluation.metrics;

import java.io.Serializable;

/**
 * What a model's actions would do to a set of decision events under the client's policy. Rates are
 * NaN where their denominator is 0 (no rows, no fraud, no fraud amount, no genuine rows).
 *
 * @param rows events counted
 * @param frauds of which labelled fraud
 * @param blockRate share of rows PREVENTed
 * @param reviewRate share of rows sent to REVIEW
 * @param fraudCaught share of fraud rows PREVENTed
 * @param fraudCaughtByAmount PREVENTed fraud amount / total fraud amount
 * @param falsePositiveRate share of genuine rows PREVENTed
 */
public record PolicyOutcome(
    long rows,
    long frauds,
    double blockRate,
    double reviewRate,
    double fraudCaught,
    double fraudCaughtByAmount,
    double falsePositiveRate)
    implements Serializable {
  public PolicyOutcome {
    if (rows < 0 || frauds < 0 || frauds > rows) {
      throw new IllegalArgumentException(
          "invalid counts: " + frauds + " frauds in " + rows + " rows");
    }
  }
}
