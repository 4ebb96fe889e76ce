package io.micromodels.training.train;

import java.io.Serializable;

/**
 * A subset of a training window's rows: the part before the validation slice, the slice, or every
 * fold but one.
 */
public record Slice(LabelledRow.Part part, int excludedFold) implements Serializable {
  private static final int NONE = -1;

  public static Slice beforeValidation() {
    return new Slice(LabelledRow.Part.FIT, NONE);
  }

  public static Slice validation() {
    return new Slice(LabelledRow.Part.VALIDATION, NONE);
  }

  public static Slice outsideFold(int fold) {
    return new Slice(null, fold);
  }

  public boolean contains(LabelledRow.Part rowPart, int rowFold) {
    return (part == null || part == rowPart) && rowFold != excludedFold;
  }
}
