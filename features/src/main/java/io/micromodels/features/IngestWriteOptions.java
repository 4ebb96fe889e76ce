package io.micromodels.features;

/**
 * How ingest writes the {@code events} table (docs/ingest.md, "Re-sent events" and "Layout").
 *
 * @param resendHorizonDays how many days a re-sent copy of an event may have moved from the stored
 *     copy and still be recognised as the same event: the events MERGE reads a client's stored days
 *     from its earliest input day minus this to its latest plus this, nothing else. A copy moved
 *     further is stored a second time. Re-ingesting history takes a larger value.
 * @param maxClientDayRowsPerTask most rows of one (client, day) one write task receives: a
 *     client-day with more is split over {@code ceil(rows / this)} tasks, each writing its own
 *     file; smaller client-days stay one file each
 */
public record IngestWriteOptions(int resendHorizonDays, long maxClientDayRowsPerTask) {
  /**
   * A week: clients re-send a batch after an outage or a failed upload, within days; a copy whose
   * time moved (a clock corrected, a time zone fixed) moves by hours. Each day of horizon adds two
   * days of a client's stored events to every nightly MERGE's read.
   */
  public static final int DEFAULT_RESEND_HORIZON_DAYS = 7;

  /**
   * Two million rows, about 190 MB of Parquet at the measured 95 B per event (docs/scaling.md): a
   * file of the size readers like, written in about a minute, while the scaling scenario's largest
   * client-day (380 M rows) took 3-5 hours in one task.
   */
  public static final long DEFAULT_MAX_CLIENT_DAY_ROWS_PER_TASK = 2_000_000L;

  public IngestWriteOptions {
    if (resendHorizonDays < 0) {
      throw new IllegalArgumentException(
          "resendHorizonDays must not be negative, got " + resendHorizonDays);
    }

    if (maxClientDayRowsPerTask <= 0) {
      throw new IllegalArgumentException(
          "maxClientDayRowsPerTask must be positive, got " + maxClientDayRowsPerTask);
    }
  }

  public static IngestWriteOptions defaults() {
    return new IngestWriteOptions(
        DEFAULT_RESEND_HORIZON_DAYS, DEFAULT_MAX_CLIENT_DAY_ROWS_PER_TASK);
  }

  public IngestWriteOptions withResendHorizonDays(int days) {
    return new IngestWriteOptions(days, maxClientDayRowsPerTask);
  }

  public IngestWriteOptions withMaxClientDayRowsPerTask(long rows) {
    return new IngestWriteOptions(resendHorizonDays, rows);
  }
}
