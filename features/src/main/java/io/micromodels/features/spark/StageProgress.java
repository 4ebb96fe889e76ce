package io.micromodels.features.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * A progress line per running Spark stage, on stderr: its name, tasks done of total, rows read,
 * elapsed time and an estimate of the time left. Spark's console progress bar is off (it breaks
 * logs), and a 30-minute stage said nothing. On a terminal the line is refreshed at most once a
 * second; in a log (Airflow) one line a minute per stage; {@code --quiet} turns it off. Registered
 * by the CLI through {@code spark.extraListeners}, configured by {@value #MODE}.
 */
public final class StageProgress extends SparkListener {
  /** {@code terminal}, {@code minute} or {@code off}. */
  public static final String MODE = "spark.micromodels.progress";

  /** How often a line is printed. */
  public enum Mode {
    TERMINAL(Duration.ofSeconds(1)),
    MINUTE(Duration.ofMinutes(1)),
    OFF(Duration.ZERO);

    private final Duration interval;

    Mode(Duration interval) {
      this.interval = interval;
    }
  }

  private final Mode mode;
  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final Map<Integer, StageState> stages = new ConcurrentHashMap<>();

  /** What Spark calls for {@code spark.extraListeners}. */
  public StageProgress(SparkConf conf) {
    this(
        Mode.valueOf(conf.get(MODE, "minute").toUpperCase(Locale.ROOT)),
        System.err,
        System::nanoTime);
  }

  public StageProgress(Mode mode, PrintStream out, LongSupplier nanoClock) {
    this.mode = mode;
    this.out = out;
    this.nanoClock = nanoClock;
  }

  /** One stage as the listener follows it; updated from Spark's one listener thread. */
  private static final class StageState {
    final String name;
    final int tasks;
    final long started;
    int done;
    long rows;
    long printed;

    StageState(String name, int tasks, long started) {
      this.name = name;
      this.tasks = tasks;
      this.started = started;
      this.printed = started;
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (mode != Mode.OFF) {
      StageInfo info = submitted.stageInfo();
      stages.put(
          info.stageId(), new StageState(name(info), info.numTasks(), nanoClock.getAsLong()));
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    StageState stage = stages.get(end.stageId());
    if (stage == null) {
      return;
    }

    stage.done++;
    if (end.taskMetrics() != null) {
      stage.rows +=
          end.taskMetrics().inputMetrics().recordsRead()
              + end.taskMetrics().shuffleReadMetrics().recordsRead();
    }

    long now = nanoClock.getAsLong();
    if (now - stage.printed >= mode.interval.toNanos()) {
      stage.printed = now;
      out.println(line(stage.name, stage.done, stage.tasks, stage.rows, now - stage.started));
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    StageState stage = stages.remove(completed.stageInfo().stageId());
    // A stage that printed while it ran says that it finished; a short one stays silent.
    if (stage != null && stage.printed != stage.started) {
      out.println(
          line(
              stage.name,
              stage.done,
              stage.tasks,
              stage.rows,
              nanoClock.getAsLong() - stage.started));
    }
  }

  /** "stage save at X.java:42: 37/200 tasks, 1,234,567 rows, 0:42 elapsed, about 3:10 left". */
  static String line(String stage, int done, int tasks, long rows, long elapsedNanos) {
    Duration elapsed = Duration.ofNanos(elapsedNanos);
    String left =
        done == 0
            ? "time left unknown"
            : done >= tasks
                ? "done"
                : "about " + clock(elapsed.multipliedBy(tasks - done).dividedBy(done)) + " left";
    return String.format(
        Locale.ROOT,
        "progress: stage %s: %d/%d tasks, %,d rows, %s elapsed, %s",
        stage,
        done,
        tasks,
        rows,
        clock(elapsed),
        left);
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String name(StageInfo info) {
    String name = info.name();
    return info.stageId()
        + " ("
        + (name.length() > 60 ? name.substring(0, 57) + "..." : name)
        + ")";
  }
}
