package io.micromodels.features.config;

/**
 * A client's walk-forward backtest (DESIGN.md §4, Backtest): for each of {@code folds} steps back
 * from the evaluation date, train on {@code [t - train_days - label_delay, t - label_delay)} and
 * test on {@code [t, t + test_days)}. Command-line options of {@code micromodels backtest} override
 * these per run.
 *
 * @param folds number of walk-forward steps
 * @param trainDays days of decision events each fold trains on
 * @param testDays days of decision events each fold tests on
 * @param reviewsPerDay customers (or events) the client's review team looks at per day: the k of
 *     the precision-at-k metrics
 * @param minLabelCompleteness the label completeness from which a test window counts as mature:
 *     only mature folds enter the pooled metrics and the gates' label-based checks
 */
public record BacktestSpec(
    int folds, int trainDays, int testDays, int reviewsPerDay, double minLabelCompleteness) {
  public static final String FOLDS = "folds";
  public static final int DEFAULT_FOLDS = 4;
  public static final int MAX_FOLDS = 12;
  public static final String TRAIN_DAYS = "train_days";
  public static final int DEFAULT_TRAIN_DAYS = 90;
  public static final String TEST_DAYS = "test_days";
  public static final int DEFAULT_TEST_DAYS = 7;
  public static final int MAX_TEST_DAYS = 90;
  public static final String REVIEWS_PER_DAY = "reviews_per_day";
  public static final int DEFAULT_REVIEWS_PER_DAY = 10;
  public static final int MAX_REVIEWS_PER_DAY = 100_000;
  public static final String MIN_LABEL_COMPLETENESS = "min_label_completeness";
  public static final double DEFAULT_MIN_LABEL_COMPLETENESS = 0.9;

  public BacktestSpec {
    if (folds < 1 || folds > MAX_FOLDS) {
      throw new IllegalArgumentException("folds must be within 1.." + MAX_FOLDS + ": " + folds);
    }

    if (trainDays < TrainingSpec.MIN_TRAIN_DAYS || trainDays > TrainingSpec.MAX_TRAIN_DAYS) {
      throw new IllegalArgumentException(
          "train_days must be within "
              + TrainingSpec.MIN_TRAIN_DAYS
              + ".."
              + TrainingSpec.MAX_TRAIN_DAYS
              + ": "
              + trainDays);
    }

    if (testDays < 1 || testDays > MAX_TEST_DAYS) {
      throw new IllegalArgumentException(
          "test_days must be within 1.." + MAX_TEST_DAYS + ": " + testDays);
    }

    if (reviewsPerDay < 1 || reviewsPerDay > MAX_REVIEWS_PER_DAY) {
      throw new IllegalArgumentException(
          "reviews_per_day must be within 1.." + MAX_REVIEWS_PER_DAY + ": " + reviewsPerDay);
    }

    if (!(minLabelCompleteness >= 0 && minLabelCompleteness <= 1)) {
      throw new IllegalArgumentException(
          "min_label_completeness must be within 0..1: " + minLabelCompleteness);
    }
  }

  /** The default maturity threshold. */
  public BacktestSpec(int folds, int trainDays, int testDays, int reviewsPerDay) {
    this(folds, trainDays, testDays, reviewsPerDay, DEFAULT_MIN_LABEL_COMPLETENESS);
  }

  public static BacktestSpec defaults() {
    return new BacktestSpec(
        DEFAULT_FOLDS, DEFAULT_TRAIN_DAYS, DEFAULT_TEST_DAYS, DEFAULT_REVIEWS_PER_DAY);
  }
}
