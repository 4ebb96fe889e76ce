package io.micromodels.training.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.artifact.AdditiveShapes.InputShape;
import io.micromodels.training.artifact.AdditiveShapes.Kind;
import io.micromodels.training.artifact.AdditiveShapes.MicromodelShapes;
import io.micromodels.training.artifact.AdditiveShapes.Point;
import io.micromodels.training.featurize.BinnedFeaturizer;
import io.micromodels.training.featurize.TabularFeaturizer;
import io.micromodels.training.featurize.TabularFeaturizer.Transform;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.input.MapInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdditiveShapesTest {
  /**
   * amount: edges 10, 20 (levels 0-2, steps 3-4, missing 5); flag: edge 1 (levels 6-7, step 8,
   * missing 9). Smoothness 3 makes the level value 1/2.
   */
  private static final BinnedFeaturizer BINNED =
      new BinnedFeaturizer(
          List.of(
              new BinnedFeaturizer.Column("amount", List.of(10.0, 20.0)),
              new BinnedFeaturizer.Column("flag", List.of(1.0))),
          3);

  private static final LogisticModel BINNED_MODEL =
      LogisticModel.ofDense(-3, new double[] {0.2, -0.4, 0.6, 1.0, 2.0, 0.7, 0.1, 0.3, -1.5, 0.25});

  @Test
  void aBinnedShapeIsEachBinsLevelPlusTheStepsBelowIt() {
    List<InputShape> shapes = AdditiveShapes.binned(BINNED, BINNED_MODEL);

    assertThat(shapes).extracting(InputShape::input).containsExactly("amount", "flag");
    InputShape amount = shapes.get(0);
    assertThat(amount.kind()).isEqualTo(Kind.STEP);
    // bin 0: 0.2/2; bin 1: -0.4/2 + 1; bin 2: 0.6/2 + 1 + 2; ends one mean bin width (10) out
    assertPoints(amount, 0, 0.1, 10, 0.1, 10, 0.8, 20, 0.8, 20, 3.3, 30, 3.3);
    assertThat(amount.missing()).isCloseTo(0.7, within(1e-12));
    InputShape flag = shapes.get(1);
    // a single edge: the end bins are drawn max(|edge|, 1) wide
    assertPoints(flag, 0, 0.05, 1, 0.05, 1, 0.15 - 1.5, 2, 0.15 - 1.5);
    assertThat(flag.missing()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void theInterceptPlusTheContributionsIsTheMicromodelsLogOdds() {
    List<InputShape> shapes = AdditiveShapes.binned(BINNED, BINNED_MODEL);
    Map<String, Object> row = new HashMap<>();
    row.put("amount", 15.0); // bin 1, flag missing

    assertThat(BINNED_MODEL.logOdds(BINNED.featurize(new MapInput(row))))
        .isCloseTo(
            -3 + shapes.get(0).points().get(2).contribution() + shapes.get(1).missing(),
            within(1e-12));
  }

  @Test
  void aTabularShapeIsTheWeightTimesTheStandardisedValueOverThreeDeviations() {
    TabularFeaturizer tabular =
        new TabularFeaturizer(
            List.of(
                new TabularFeaturizer.Column("amount", Transform.CLIP, 100, 50),
                new TabularFeaturizer.Column("orders", Transform.LOG1P, 1, 2)),
            2);
    LogisticModel model = LogisticModel.ofDense(1, new double[] {0.5, -1, 0.3, 0.4});

    List<InputShape> shapes = AdditiveShapes.tabular(tabular, model);

    InputShape amount = shapes.get(0);
    assertThat(amount.kind()).isEqualTo(Kind.LINE);
    assertThat(amount.points()).hasSize(AdditiveShapes.TABULAR_POINTS);
    assertThat(amount.points().get(0).x()).isCloseTo(-50, within(1e-9));
    assertThat(amount.points().get(amount.points().size() - 1).x()).isCloseTo(250, within(1e-9));
    for (Point p : amount.points()) {
      double z = Math.max(-2, Math.min(2, (p.x() - 100) / 50)); // clip 2
      assertThat(p.contribution()).isCloseTo(0.5 * z, within(1e-12));
    }
    assertThat(amount.missing()).isEqualTo(0.3);

    InputShape orders = shapes.get(1);
    // log1p column: from 0 (the lowest log1p value) to expm1(1 + 3 * 2)
    assertThat(orders.points().get(0).x()).isEqualTo(0);
    assertThat(orders.points().get(orders.points().size() - 1).x())
        .isCloseTo(Math.expm1(7), within(1e-6));
    assertThat(orders.points().get(0).contribution()).isCloseTo(-1 * -0.5, within(1e-12));
    assertThat(orders.missing()).isEqualTo(0.4);
  }

  @Test
  void aMicromodelsShapesCarryItsNameAndAreFoundByInput() throws Exception {
    TrainedMicromodel micromodel =
        new TrainedMicromodel(
            "behaviour", "binned", MicromodelSpec.Scope.CLIENT, BINNED, BINNED_MODEL, null);

    MicromodelShapes shapes = AdditiveShapes.of(micromodel).orElseThrow();

    assertThat(shapes.micromodel()).isEqualTo("behaviour");
    assertThat(shapes.type()).isEqualTo("binned");
    assertThat(shapes.input("flag")).isPresent();
    assertThat(shapes.input("email")).isEmpty();
    // Shapes travel to Spark tasks inside the backtest's client context.
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(shapes);
    }
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(shapes);
    }
  }

  private static void assertPoints(InputShape shape, double... xy) {
    assertThat(shape.points()).hasSize(xy.length / 2);
    for (int p = 0; p < xy.length / 2; p++) {
      assertThat(shape.points().get(p).x())
          .as("x of point %d", p)
          .isCloseTo(xy[2 * p], within(1e-12));
      assertThat(shape.points().get(p).contribution())
          .as("contribution of point %d", p)
          .isCloseTo(xy[2 * p + 1], within(1e-12));
    }
  }
}
