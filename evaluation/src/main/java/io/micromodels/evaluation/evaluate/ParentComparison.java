package io.micromodels.evaluation.evaluate;

/**
 * The client's own model against the global (parent) model on the client's backtest: a client model
 * whose PR-AUC is not above its parent's is flagged and the fallback recommended.
 *
 * @param candidatePrAuc the client model's PR-AUC
 * @param parentPrAuc the parent's, NaN when there is no parent
 * @param alreadyParent the candidate is the global model already (too few labels)
 */
public record ParentComparison(double candidatePrAuc, double parentPrAuc, boolean alreadyParent) {
  /** Whether the client model should be replaced by its parent. */
  public boolean recommendFallback() {
    return !alreadyParent && !Double.isNaN(parentPrAuc) && !(candidatePrAuc > parentPrAuc);
  }

  /** A sentence for the report and the terminal. */
  public String verdict() {
    if (alreadyParent) {
      return "the candidate is the global model already (too few fraud labels of its own)";
    }

    if (Double.isNaN(parentPrAuc)) {
      return "no global model to compare with";
    }

    return recommendFallback()
        ? String.format(
            "does not beat its parent (PR-AUC %.4f vs %.4f): fall back to the global" + " model",
            candidatePrAuc, parentPrAuc)
        : String.format("beats its parent (PR-AUC %.4f vs %.4f)", candidatePrAuc, parentPrAuc);
  }
}
