package io.micromodels.training.artifact;

/**
 * Whether a client model is its own or the global (parent) model, and why.
 *
 * @param usesGlobalModel true when the client had too few fraud labels to train its own
 * @param fraudLabels fraud labels in the client's training window
 * @param minFraudLabels the client's {@code min_fraud_labels}
 * @param reason a sentence for reports and the manifest
 */
public record Fallback(
    boolean usesGlobalModel, long fraudLabels, int minFraudLabels, String reason) {
  public static Fallback own(long fraudLabels, int minFraudLabels) {
    return new Fallback(
        false,
        fraudLabels,
        minFraudLabels,
        fraudLabels
            + " fraud labels >= "
            + "min_fraud_labels "
            + minFraudLabels
            + ": the client's own model");
  }

  /** The parent model a backtest compares a client's own model with (not a release). */
  public static Fallback parent(long fraudLabels, int minFraudLabels) {
    return new Fallback(
        true,
        fraudLabels,
        minFraudLabels,
        "the global (parent) model with the"
            + " client's own score scale and policy, for comparison");
  }

  public static Fallback global(long fraudLabels, int minFraudLabels) {
    return new Fallback(
        true,
        fraudLabels,
        minFraudLabels,
        fraudLabels
            + " fraud labels < "
            + "min_fraud_labels "
            + minFraudLabels
            + ": falls back to the global model");
  }
}
