package io.micromodels.jobs.bench;

import io.micromodels.jobs.sample.ScoringSample;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * JMH benchmark of the Spark-free scorer on one thread (one core): a client model of three
 * micromodels (email, basket, behaviour) with default hashing, scored on a pool of distinct feature
 * rows, featurization included. {@link #score} is the headline (score, action and contributions);
 * the featurizer methods show where the time goes. Run by {@code micromodels bench scorer} ({@link
 * ScorerThroughput}), or on its own with {@code java -cp jobs/target/micromodels.jar
 * org.openjdk.jmh.Main ScorerBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ScorerBenchmark {
  /** Distinct inputs cycled through (a power of two). */
  public static final int POOL = 4096;

  public static final long POOL_SEED = 2;
  public static final int TRAINING_ROWS = 20_000;
  public static final long TRAINING_SEED = 1;

  /** A {@code model.json} to score with; empty: train one from {@link ScoringSample}. */
  @Param("")
  public String modelJson;

  private Scorer scorer;
  private ModelInput[] inputs;
  private Map<String, Object>[] events;
  private Map<String, Object>[] histories;
  private TrainedMicromodel email;
  private TrainedMicromodel basket;
  private TrainedMicromodel behaviour;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    ClientModel model = modelJson.isEmpty() ? train() : ModelFormat.read(Path.of(modelJson));
    scorer = new Scorer(model);
    List<TrainedMicromodel> micromodels = model.scoring().micromodels();
    email = micromodels.get(0);
    basket = micromodels.get(1);
    behaviour = micromodels.get(2);
    List<LabelledRow> rows = ScoringSample.rows(POOL, POOL_SEED);
    inputs = new ModelInput[POOL];
    events = new Map[POOL];
    histories = new Map[POOL];
    for (int i = 0; i < POOL; i++) {
      inputs[i] = rows.get(i).input();
      Map<String, Object> event = new HashMap<>();
      Map<String, Object> history = new HashMap<>();
      ((MapInput) inputs[i])
          .values()
          .forEach((column, value) -> (isHistory(column) ? history : event).put(column, value));
      events[i] = event;
      histories[i] = history;
    }
  }

  /** The benchmark's model: trained with LIBLINEAR on {@link #TRAINING_ROWS} sample rows. */
  public static ClientModel train() {
    List<LabelledRow> rows = ScoringSample.rows(TRAINING_ROWS, TRAINING_SEED);
    return ClientTrainer.train(
        ScoringSample.client(),
        new LocalRows(rows, LiblinearSolver.create(), "liblinear"),
        null,
        null);
  }

  private static boolean isHistory(String column) {
    return column.startsWith("customer.") || column.startsWith("device.");
  }

  private int nextIndex() {
    next = (next + 1) & (POOL - 1);
    return next;
  }

  /** Score, action, probability and contributions of a feature row (the headline figure). */
  @Benchmark
  public ScoreResult score() {
    return scorer.score(inputs[nextIndex()]);
  }

  /** The same through the live-service API: the event's payload and its history as two maps. */
  @Benchmark
  public ScoreResult scoreEventAndFeatures() {
    int i = nextIndex();
    return scorer.score(events[i], histories[i]);
  }

  /** The score alone, without contributions. */
  @Benchmark
  public double scoreOnly() {
    return scorer.scoreOnly(inputs[nextIndex()]);
  }

  @Benchmark
  public SparseVector featurizeEmail() {
    return email.featurizer().featurize(inputs[nextIndex()]);
  }

  @Benchmark
  public SparseVector featurizeBasket() {
    return basket.featurizer().featurize(inputs[nextIndex()]);
  }

  @Benchmark
  public SparseVector featurizeBehaviour() {
    return behaviour.featurizer().featurize(inputs[nextIndex()]);
  }
}
