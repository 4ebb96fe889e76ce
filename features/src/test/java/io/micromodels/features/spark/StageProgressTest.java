package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Progress lines from a real Spark job, through Spark's listener bus. */
class StageProgressTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void aLongStageReportsTasksRowsElapsedAndTimeLeftOnceAMinute() {
    Path parquet = SharedSpark.newDirectory("progress").resolve("rows");
    SPARK.range(0, 4000, 1, 4).write().parquet(parquet.toString());
    // Each reading of the clock moves it a minute on: every task end is a minute later.
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    String text =
        run(
            new StageProgress(
                StageProgress.Mode.MINUTE,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                () -> clock.addAndGet(MINUTE)),
            parquet,
            out);

    assertThat(text)
        .containsPattern(
            "progress: stage \\d+ \\(.*\\): 1/\\d+ tasks, [\\d,]+ rows, \\d+:\\d\\d elapsed, about"
                + " \\d+:\\d\\d left");
    assertThat(text)
        .containsPattern(
            "progress: stage \\d+ \\(.*\\): (\\d+)/\\1 tasks, 4,000 rows,"
                + " \\d+:\\d\\d elapsed, done");
  }

  @Test
  void quietPrintsNothingAndAShortStageStaysSilent() {
    Path parquet = SharedSpark.newDirectory("quiet").resolve("rows");
    SPARK.range(0, 100, 1, 2).write().parquet(parquet.toString());
    ByteArrayOutputStream off = new ByteArrayOutputStream();
    ByteArrayOutputStream fast = new ByteArrayOutputStream();

    assertThat(
            run(
                new StageProgress(
                    StageProgress.Mode.OFF,
                    new PrintStream(off, true, StandardCharsets.UTF_8),
                    () -> 0L),
                parquet,
                off))
        .isEmpty();
    assertThat(
            run(
                new StageProgress(
                    StageProgress.Mode.MINUTE,
                    new PrintStream(fast, true, StandardCharsets.UTF_8),
                    () -> 0L),
                parquet,
                fast))
        .isEmpty();
  }

  @Test
  void theLineSaysWhatIsLeftInTheSameClockFormat() {
    assertThat(
            StageProgress.line(
                "3 (save at IngestJob.java:90)", 50, 200, 1_234_567, 90_000_000_000L))
        .isEqualTo(
            "progress: stage 3 (save at IngestJob.java:90): 50/200"
                + " tasks, 1,234,567 rows, 1:30 elapsed, about 4:30 left");
    assertThat(StageProgress.line("4 (x)", 0, 10, 0, 7_200_000_000_000L))
        .isEqualTo(
            "progress: stage 4 (x): 0/10 tasks, 0 rows, 2:00:00 elapsed, time left" + " unknown");
  }

  private static String run(StageProgress listener, Path parquet, ByteArrayOutputStream out) {
    SPARK.sparkContext().addSparkListener(listener);
    try {
      SPARK.read().parquet(parquet.toString()).repartition(4).count();
      SPARK.sparkContext().listenerBus().waitUntilEmpty(30_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Spark's listener bus did not drain in 30 s", e);
    } finally {
      SPARK.sparkContext().removeSparkListener(listener);
    }

    return out.toString(StandardCharsets.UTF_8);
  }
}
