package io.micromodels.evaluation.gate;

import java.io.Serializable;
import java.util.List;

/**
 * Which test windows have mature labels (label completeness at least the client's {@code
 * backtest.min_label_completeness}): label-based metrics are pooled over those only, and a gate
 * says which windows it left out or that none was mature.
 *
 * @param matureFolds the mature folds' numbers, oldest first
 * @param immatureFolds the others, described ("fold 2 (label completeness 0.24 < 0.90)")
 */
public record LabelMaturity(List<Integer> matureFolds, List<String> immatureFolds)
    implements Serializable {
  /** Every window mature: nothing to say. */
  public static final LabelMaturity MATURE = new LabelMaturity(List.of(), List.of());

  public LabelMaturity {
    matureFolds = List.copyOf(matureFolds);
    immatureFolds = List.copyOf(immatureFolds);
  }

  /** Whether no window is mature (then label-based values come from immature rows). */
  public boolean noneMature() {
    return matureFolds.isEmpty() && !immatureFolds.isEmpty();
  }

  /** What a label-based check adds to its reason; empty when every window is mature. */
  String note() {
    if (immatureFolds.isEmpty()) {
      return "";
    }

    String immature = String.join(", ", immatureFolds);
    return noneMature()
        ? " (on immature labels, the same for both models: " + immature + ")"
        : " (on mature folds " + matureFolds + "; left out as immature: " + immature + ")";
  }

  /** Why an absolute bound on a label-based metric is not checked when no window is mature. */
  String notChecked(String metric) {
    return "every test window is immature ("
        + String.join(", ", immatureFolds)
        + "): "
        + metric
        + " on labels still arriving is no absolute value; evaluate an older window with"
        + " backtest --labels-as-of";
  }
}
