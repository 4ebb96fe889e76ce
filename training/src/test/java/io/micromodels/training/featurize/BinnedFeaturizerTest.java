package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.training.featurize.BinnedFeaturizer.Column;
import io.micromodels.training.fit.Design;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class BinnedFeaturizerTest {
  @Test
  void edgesAreTheDistinctQuantilesAboveTheMinimum() {
    List<ModelInput> rows = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      rows.add(row("amount", (double) i, "flag", i % 2 == 0 ? 1.0 : 0.0));
    }

    rows.add(row("flag", 1.0)); // a missing amount is left out of its quantiles
    rows.add(row("amount", Double.NaN));
    BinnedFeaturizer fitted = BinnedFeaturizer.fit(List.of("amount", "flag", "never"), rows, 4, 0);

    assertThat(fitted.columns().get(0).edges()).containsExactly(26.0, 51.0, 76.0);
    assertThat(fitted.columns().get(1).edges()).as("a 0/1 flag: one edge").containsExactly(1.0);
    assertThat(fitted.columns().get(2).edges()).as("no training value: one bin").isEmpty();
    assertThat(fitted.dimension()).isEqualTo(8 + 4 + 2);
  }

  @Test
  void aValueSetsItsBinsLevelTheStepsBelowItOrTheMissingIndicator() {
    BinnedFeaturizer featurizer =
        new BinnedFeaturizer(
            List.of(
                new Column("amount", List.of(10.0, 20.0, 30.0)), new Column("flag", List.of(1.0))),
            3);
    double level = 0.5; // 1 / sqrt(1 + 3)

    // amount owns [0, 8): levels 0..3, steps 4..6, missing 7; flag owns [8, 12)
    assertThat(featurizer.featurize(row("amount", 20.0, "flag", 0.0)))
        .isEqualTo(new SparseVector(new int[] {2, 4, 5, 8}, new double[] {level, 1, 1, level}));
    assertThat(featurizer.featurize(row("amount", 19.99)))
        .isEqualTo(new SparseVector(new int[] {1, 4, 11}, new double[] {level, 1, 1}));
    assertThat(featurizer.featurize(row("amount", -1e300, "flag", 1.0)))
        .as("below the first edge: the first bin")
        .isEqualTo(new SparseVector(new int[] {0, 9, 10}, new double[] {level, level, 1}));
    assertThat(featurizer.featurize(row("amount", 1e300, "flag", Double.POSITIVE_INFINITY)))
        .as("above the last edge: the last bin; infinity counts as missing")
        .isEqualTo(new SparseVector(new int[] {3, 4, 5, 6, 11}, new double[] {level, 1, 1, 1, 1}));
  }

  @Test
  void aRowsVectorIsTheSumOfItsColumnsVectors() {
    BinnedFeaturizer featurizer =
        new BinnedFeaturizer(
            List.of(new Column("a", List.of(1.0, 2.0)), new Column("b", List.of(5.0))), 1);
    ModelInput row = row("a", 1.5, "b", 7.0);

    SparseVector a = featurizer.featurizeColumn(0, 1.5);
    SparseVector b = featurizer.featurizeColumn(1, 7.0);
    double[] weights = new Random(3).doubles(featurizer.dimension()).toArray();

    assertThat(featurizer.featurize(row).dot(weights)).isEqualTo(a.dot(weights) + b.dot(weights));
    assertThat(featurizer.featurizeColumn(1, null).indices()).containsExactly(9);
  }

  @Test
  void binFittingRecoversAStepInTheFraudRate() {
    // "amount at or above 600" multiplies the odds of fraud by about 20; nothing else matters
    DoubleUnaryOperator fraudRate = x -> x >= 600 ? 0.3 : 0.02;
    BinnedFeaturizer featurizer =
        fittedOn(fraudRate, 20_000, 16, BinnedFeaturizer.SMOOTHNESS_DEFAULT, 11);
    LogisticModel model =
        LiblinearSolver.precise().fit(design(featurizer, fraudRate, 20_000, 12), 1);
    double[] shape = shape(featurizer, model);
    List<Double> edges = featurizer.columns().get(0).edges();

    int biggest = 0;
    for (int b = 1; b < shape.length; b++) {
      if (Math.abs(shape[b] - shape[b - 1]) > Math.abs(shape[biggest + 1] - shape[biggest])) {
        biggest = b - 1;
      }
    }

    assertThat(edges.get(biggest)).as("the edge of the biggest jump").isBetween(560.0, 640.0);
    double step = shape[shape.length - 1] - shape[0];
    assertThat(step).as("the step's size, ln(0.3/0.7 / (0.02/0.98)) = 3.04").isBetween(2.4, 3.6);
    for (int b = 1; b < shape.length; b++) {
      // the bin holding 600 mixes both rates: its two edges share the step
      if (Math.abs(b - 1 - biggest) > 1) {
        assertThat(Math.abs(shape[b] - shape[b - 1]))
            .as("flat away from the step, bin %d", b)
            .isLessThan(step / 5);
      }
    }
  }

  @Test
  void theSmoothnessPenaltyMeasurablySmoothsTheLearnedShape() {
    // a gently rising fraud rate sampled thinly: per-bin levels fit the noise, steps do not
    DoubleUnaryOperator fraudRate = x -> 0.03 + 0.05 * x / 1000;
    double rough = roughness(fraudRate, 0);
    double smooth = roughness(fraudRate, 100);

    assertThat(smooth)
        .as("sum of squared neighbour differences, smoothness 100 vs 0")
        .isLessThan(0.5 * rough);
  }

  @Test
  void roundTripsThroughJsonWithItsEdges() throws Exception {
    BinnedFeaturizer featurizer =
        new BinnedFeaturizer(List.of(new Column("customer.amount_avg_7d", List.of(0.5, 12.25))), 9);
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(featurizer);
    BinnedFeaturizer back = json.readValue(text, BinnedFeaturizer.class);

    assertThat(text)
        .isEqualTo(
            "{\"columns\":[{\"name\":\"customer.amount_avg_7d\",\"edges\":"
                + "[0.5,12.25]}],\"smoothness\":9.0}");
    assertThat(back).isEqualTo(featurizer);
    assertThat(back.featurize(row("customer.amount_avg_7d", 3.0)))
        .isEqualTo(featurizer.featurize(row("customer.amount_avg_7d", 3.0)));
  }

  @Test
  void edgesThatAreNotStrictlyIncreasingOrFiniteAreRefused() {
    assertThatThrownBy(() -> new Column("a", List.of(2.0, 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column a needs finite, strictly increasing bin edges, found [2.0, 1.0]");
    assertThatThrownBy(() -> new Column("a", List.of(1.0, Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BinnedFeaturizer(List.of(new Column("a", List.of())), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("smoothness must be finite and at least 0, found -1.0");
  }

  /** The mean squared difference between neighbouring bins of the shape fitted at C = 1. */
  private static double roughness(DoubleUnaryOperator fraudRate, double smoothness) {
    BinnedFeaturizer featurizer = fittedOn(fraudRate, 3_000, 32, smoothness, 21);
    double[] shape =
        shape(
            featurizer, LiblinearSolver.precise().fit(design(featurizer, fraudRate, 3_000, 22), 1));
    double sum = 0;
    for (int b = 1; b < shape.length; b++) {
      sum += (shape[b] - shape[b - 1]) * (shape[b] - shape[b - 1]);
    }

    return sum / (shape.length - 1);
  }

  /** The learned contribution of each bin of the single column, at a value inside the bin. */
  private static double[] shape(BinnedFeaturizer featurizer, LogisticModel model) {
    List<Double> edges = featurizer.columns().get(0).edges();
    double[] weights = new double[featurizer.dimension()];
    for (int k = 0; k < model.indices().length; k++) {
      weights[model.indices()[k]] = model.weights()[k];
    }

    double[] shape = new double[edges.size() + 1];
    for (int b = 0; b < shape.length; b++) {
      double inside = b == 0 ? edges.get(0) - 1 : edges.get(b - 1);
      shape[b] = featurizer.featurizeColumn(0, inside).dot(weights);
    }

    return shape;
  }

  private static BinnedFeaturizer fittedOn(
      DoubleUnaryOperator fraudRate, int rows, int bins, double smoothness, long seed) {
    List<ModelInput> inputs = new ArrayList<>();
    for (double[] row : sample(fraudRate, rows, seed)) {
      inputs.add(row("amount", row[0]));
    }

    return BinnedFeaturizer.fit(List.of("amount"), inputs, bins, smoothness);
  }

  private static Design design(
      BinnedFeaturizer featurizer, DoubleUnaryOperator fraudRate, int rows, long seed) {
    List<SparseVector> vectors = new ArrayList<>();
    double[] labels = new double[rows];
    int i = 0;
    for (double[] row : sample(fraudRate, rows, seed)) {
      vectors.add(featurizer.featurize(row("amount", row[0])));
      labels[i++] = row[1];
    }

    return new Design(vectors, labels, featurizer.dimension());
  }

  /** Amounts uniform on [0, 1000) with labels drawn from the fraud rate at each amount. */
  private static List<double[]> sample(DoubleUnaryOperator fraudRate, int rows, long seed) {
    Random random = new Random(seed);
    List<double[]> sample = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      double amount = Math.floor(random.nextDouble() * 100_000) / 100;
      sample.add(
          new double[] {amount, random.nextDouble() < fraudRate.applyAsDouble(amount) ? 1 : 0});
    }

    return sample;
  }

  private static ModelInput row(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }

    return new MapInput(values);
  }
}
