package io.micromodels.training.spark;

import io.micromodels.training.input.ModelInput;
import io.micromodels.training.input.OverlayInput;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.OutOfFold;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The columns the train job adds to feature rows ({@code _label}, {@code _part}, {@code _fold}) and
 * their conversion into {@link LabelledRow}s, out-of-fold columns applied.
 */
final class TrainingColumns {
  static final String LABEL = "_label";
  static final String PART = "_part";
  static final String FOLD = "_fold";

  private TrainingColumns() {}

  static LabelledRow labelled(Row row, List<OutOfFold> overlays) {
    ModelInput input = RowInputs.of(row);
    int fold = row.getInt(row.fieldIndex(FOLD));
    for (OutOfFold overlay : overlays) {
      input = new OverlayInput(input, overlay.column(), overlay.value(input, fold));
    }

    return new LabelledRow(
        input,
        row.getDouble(row.fieldIndex(LABEL)),
        LabelledRow.Part.valueOf(row.getString(row.fieldIndex(PART))),
        fold);
  }
}
