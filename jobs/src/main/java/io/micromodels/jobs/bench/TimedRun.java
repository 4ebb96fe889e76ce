package io.micromodels.jobs.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;

/** A Spark action run with a time cap: past it, its jobs are cancelled and it reports so. */
record TimedRun(double seconds, boolean finished, long peakHeapBytes) {
  private static final String GROUP = "micromodels-bench-capped";

  static TimedRun within(SparkSession spark, long capSeconds, Runnable action) {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    long start = System.nanoTime();
    Future<?> run =
        thread.submit(
            () -> {
              spark.sparkContext().setJobGroup(GROUP, "capped baseline", true);
              action.run();
            });
    try {
      run.get(capSeconds, TimeUnit.SECONDS);
      return new TimedRun((System.nanoTime() - start) / 1e9, true, 0);
    } catch (TimeoutException e) {
      spark.sparkContext().cancelJobGroup(GROUP);
      return new TimedRun(capSeconds, false, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("baseline failed", e.getCause());
    } finally {
      thread.shutdownNow();
    }
  }

  TimedRun withPeak(long bytes) {
    return new TimedRun(seconds, finished, bytes);
  }
}
