package io.micromodels.training.train;

import io.micromodels.training.input.ModelInput;

/**
 * One decision event of a training window.
 *
 * @param input its feature-table columns
 * @param label 1 when a fraud label was known at the training as-of, else 0
 * @param part whether it lies in its client's validation slice (the window's last days)
 * @param fold its out-of-fold group, from the customer id ({@link Folds})
 */
public record LabelledRow(ModelInput input, double label, Part part, int fold) {
  /** Where a row lies in its client's training window. */
  public enum Part {
    /** Before the validation slice. */
    FIT,
    /** In the validation slice. */
    VALIDATION
  }
}
