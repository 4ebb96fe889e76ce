package io.micromodels.features.config;

/**
 * The windows and limits of a client's training run (DESIGN.md §4, Train). The training window ends
 * {@code label.delay_days} before {@code as_of}; its last {@code validation_days} are the
 * time-based validation slice on which the regularisation strength is chosen.
 *
 * @param trainDays days of decision events trained on, validation slice included
 * @param validationDays the most recent days of the training window, held out for choosing C
 * @param rowCap about the most rows a client trains on inside one Spark task (LIBLINEAR); a larger
 *     client trains there on every fraud row and a seeded share of its genuine rows
 */
public record TrainingSpec(int trainDays, int validationDays, int rowCap) {
  public static final String TRAIN_DAYS = "train_days";
  public static final int DEFAULT_TRAIN_DAYS = 90;
  public static final int MIN_TRAIN_DAYS = 7;
  public static final int MAX_TRAIN_DAYS = 730;
  public static final String VALIDATION_DAYS = "validation_days";
  public static final int DEFAULT_VALIDATION_DAYS = 14;
  public static final String ROW_CAP = "row_cap";
  public static final int DEFAULT_ROW_CAP = 1_000_000;
  public static final int MIN_ROW_CAP = 1_000;
  public static final int MAX_ROW_CAP = 100_000_000;

  public TrainingSpec {
    if (trainDays < MIN_TRAIN_DAYS || trainDays > MAX_TRAIN_DAYS) {
      throw new IllegalArgumentException(
          "train_days must be within " + MIN_TRAIN_DAYS + ".." + MAX_TRAIN_DAYS + ": " + trainDays);
    }

    if (validationDays < 1 || validationDays >= trainDays) {
      throw new IllegalArgumentException(
          "validation_days must be at least 1 and less than"
              + " train_days ("
              + trainDays
              + "): "
              + validationDays);
    }

    if (rowCap < MIN_ROW_CAP || rowCap > MAX_ROW_CAP) {
      throw new IllegalArgumentException(
          "row_cap must be within " + MIN_ROW_CAP + ".." + MAX_ROW_CAP + ": " + rowCap);
    }
  }

  public static TrainingSpec defaults() {
    return new TrainingSpec(DEFAULT_TRAIN_DAYS, DEFAULT_VALIDATION_DAYS, DEFAULT_ROW_CAP);
  }
}
