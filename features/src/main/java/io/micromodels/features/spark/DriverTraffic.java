package io.micromodels.features.spark;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerBlockUpdated;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.BlockUpdatedInfo;
import org.apache.spark.storage.BroadcastBlockId;

/**
 * What a Spark application sends to and from its driver, by pipeline stage: the bytes of task
 * results (collects, aggregates' final rows) and of broadcasts (the driver's serialized pieces).
 * Both must not grow with the data for the driver to scale (docs/scaling.md), and this listener is
 * how the benchmark measures it.
 *
 * <p>The pipeline names each stage with {@link #label} before running it. Task results are counted
 * by the local property {@value #STAGE_PROPERTY} that Spark copies into every stage it submits.
 * Block updates carry no stage, so a broadcast counts under the label last announced on the
 * listener bus, which delivers events in the order they were posted: the announcement comes before
 * the pieces of any broadcast made after it.
 */
public final class DriverTraffic extends SparkListener {
  public static final String STAGE_PROPERTY = "micromodels.stage";
  static final String UNLABELLED = "other";

  private final Map<Integer, String> stages = new ConcurrentHashMap<>();
  private final Map<String, long[]> bytes = new TreeMap<>(); // task results, broadcasts, tasks
  private final Set<String> broadcastPieces = new HashSet<>();
  private volatile String current = UNLABELLED;

  /**
   * Bytes sent to executors as broadcasts and returned to the driver as task results.
   *
   * @param tasks the tasks whose results were counted: every task returns its metrics and
   *     accumulators, so a stage that runs more tasks returns more bytes with no row collected
   */
  public record Bytes(long taskResults, long broadcasts, long tasks) {
    public long total() {
      return taskResults + broadcasts;
    }

    /** For JSON figures. */
    public Map<String, Long> asMap() {
      Map<String, Long> map = new java.util.LinkedHashMap<>();
      map.put("task_results", taskResults);
      map.put("broadcasts", broadcasts);
      map.put("total", total());
      map.put("tasks", tasks);
      return map;
    }
  }

  /**
   * Names the stage the calling thread's next Spark jobs and broadcasts belong to.
   *
   * @param stage the stage's name; null when the thread leaves its stage
   */
  public static void label(SparkContext context, String stage) {
    context.setLocalProperty(STAGE_PROPERTY, stage);
    context.listenerBus().post(new StageLabelled(stage == null ? UNLABELLED : stage));
  }

  /** The announcement of a new stage on the listener bus. */
  record StageLabelled(String stage) implements SparkListenerEvent {
    @Override
    public boolean logEvent() {
      return false;
    }
  }

  /** Registers a new listener on the application. */
  public static DriverTraffic attach(SparkContext context) {
    DriverTraffic traffic = new DriverTraffic();
    context.addSparkListener(traffic);
    return traffic;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String stage =
        properties == null ? UNLABELLED : properties.getProperty(STAGE_PROPERTY, UNLABELLED);
    stages.put(submitted.stageInfo().stageId(), stage);
  }

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof StageLabelled labelled) {
      current = labelled.stage();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      add(stages.getOrDefault(end.stageId(), UNLABELLED), end.taskMetrics().resultSize(), 0, 1);
    }
  }

  @Override
  public void onBlockUpdated(SparkListenerBlockUpdated updated) {
    BlockUpdatedInfo info = updated.blockUpdatedInfo();
    // The driver's own pieces, once each: executors report the copies they fetched too.
    if (info.blockId() instanceof BroadcastBlockId id
        && id.field().startsWith("piece")
        && info.blockManagerId().isDriver()
        && info.storageLevel().isValid()) {
      synchronized (this) {
        if (!broadcastPieces.add(id.name())) {
          return;
        }
      }
      add(current, 0, info.memSize() + info.diskSize(), 0);
    }
  }

  private synchronized void add(String stage, long results, long broadcasts, long tasks) {
    long[] sums = bytes.computeIfAbsent(stage, s -> new long[3]);
    sums[0] += results;
    sums[1] += broadcasts;
    sums[2] += tasks;
  }

  /** Waits until the listener has seen every event posted so far. */
  public void awaitDelivered(SparkContext context) throws java.util.concurrent.TimeoutException {
    context.listenerBus().waitUntilEmpty(60_000);
  }

  /** The bytes so far, by stage name, sorted; see {@link #awaitDelivered}. */
  public synchronized Map<String, Bytes> byStage() {
    Map<String, Bytes> out = new TreeMap<>();
    bytes.forEach((stage, sums) -> out.put(stage, new Bytes(sums[0], sums[1], sums[2])));
    return out;
  }

  /** The bytes of all stages together. */
  public synchronized Bytes total() {
    long[] all = new long[3];
    for (long[] sums : bytes.values()) {
      for (int i = 0; i < all.length; i++) {
        all[i] += sums[i];
      }
    }
    return new Bytes(all[0], all[1], all[2]);
  }
}
