package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.featurize.TabularFeaturizer.Column;
import io.micromodels.training.featurize.TabularFeaturizer.Declared;
import io.micromodels.training.featurize.TabularFeaturizer.Transform;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabularFeaturizerTest {
  private static final List<String> COLUMNS = List.of("amount", "balance", "count");

  /** amount: right-skewed counts-like; balance: symmetric and signed; count: constant. */
  static List<ModelInput> trainingRows() {
    List<ModelInput> rows = new ArrayList<>();
    double[] amounts = {1, 1, 2, 2, 3, 5, 8, 20, 100, 1000};
    double[] balances = {-3, -2, -1, 0, 0, 1, 1, 2, 3, -1};
    for (int i = 0; i < amounts.length; i++) {
      rows.add(row("amount", amounts[i], "balance", balances[i], "count", 4.0));
    }

    rows.add(row("balance", 0.0));
    return rows;
  }

  /** x: 0, 2, 4, 6, so mean 3 and population std √5; ln(1 + x) has mean and std below. */
  private static final List<ModelInput> X =
      List.of(row("x", 0.0), row("x", 2.0), row("x", 4.0), row("x", 6.0), row("other", 1.0));

  private static final double LOG_MEAN = 1.1634900875393808;
  private static final double LOG_STD = 0.7363709879842674;

  static TabularFeaturizer fitX(Transform transform) {
    return TabularFeaturizer.fit(List.of(new Declared("x", transform)), X, 2);
  }

  static double valueOfX(TabularFeaturizer featurizer, double x) {
    SparseVector vector = featurizer.featurize(row("x", x));
    assertThat(vector.indices()).containsExactly(0);
    return vector.values()[0];
  }

  @Test
  void noneKeepsTheRawValueUnboundedAndRecordsNoStandardisation() {
    TabularFeaturizer none = fitX(Transform.NONE);

    assertThat(none.columns()).containsExactly(new Column("x", Transform.NONE, 0, 1));
    assertThat(valueOfX(none, 7)).isEqualTo(7);
    assertThat(valueOfX(none, -1e9)).isEqualTo(-1e9);
  }

  @Test
  void standardiseUsesTheTrainingMeanAndPopulationStdUnbounded() {
    TabularFeaturizer standardise = fitX(Transform.STANDARDISE);

    Column x = standardise.columns().get(0);
    assertThat(x.mean()).isEqualTo(3);
    assertThat(x.scale()).isCloseTo(2.23606797749979, within(1e-15));
    assertThat(valueOfX(standardise, 7)).isCloseTo(1.7888543819998317, within(1e-15));
    assertThat(valueOfX(standardise, 1e9)).isCloseTo(447213594.15831715, within(1e-6));
  }

  @Test
  void clipStandardisesThenBoundsToPlusMinusClip() {
    TabularFeaturizer clip = fitX(Transform.CLIP);

    assertThat(clip.columns().get(0).mean()).isEqualTo(3);
    assertThat(valueOfX(clip, 7)).isCloseTo(1.7888543819998317, within(1e-15));
    assertThat(valueOfX(clip, 1e9)).isEqualTo(2);
    assertThat(valueOfX(clip, -1e9)).isEqualTo(-2);
  }

  @Test
  void log1pLogsNonNegativeValuesThenStandardisesAndClips() {
    TabularFeaturizer log1p = fitX(Transform.LOG1P);

    Column x = log1p.columns().get(0);
    assertThat(x.mean()).isCloseTo(LOG_MEAN, within(1e-15));
    assertThat(x.scale()).isCloseTo(LOG_STD, within(1e-15));
    assertThat(valueOfX(log1p, 5)).isCloseTo(0.8531968151114846, within(1e-14));
    assertThat(valueOfX(log1p, -5)).isCloseTo(-1.5800324924862994, within(1e-14));
    assertThat(valueOfX(log1p, 1e9)).isEqualTo(2);
  }

  @Test
  void eachColumnGetsItsDeclaredTransformWhateverItsShape() {
    TabularFeaturizer fitted =
        TabularFeaturizer.fit(
            List.of(
                new Declared("amount", Transform.CLIP),
                new Declared("balance", Transform.LOG1P),
                new Declared("count", Transform.NONE)),
            trainingRows(),
            10);

    // amount is non-negative and right-skewed: once logged by a hidden rule, now as declared
    assertThat(fitted.columns())
        .extracting(Column::transform)
        .containsExactly(Transform.CLIP, Transform.LOG1P, Transform.NONE);
    assertThat(fitted.columns().get(0).mean()).isCloseTo(114.2, within(1e-12));
  }

  @Test
  void standardisesWithTheTrainingMeanAndPopulationStd() {
    TabularFeaturizer fitted =
        TabularFeaturizer.fit(
            List.of(
                new Declared("amount", Transform.LOG1P),
                new Declared("balance", Transform.STANDARDISE),
                new Declared("count", Transform.CLIP)),
            trainingRows(),
            10);

    double[] logs = {1, 1, 2, 2, 3, 5, 8, 20, 100, 1000};
    double mean = 0;
    for (int i = 0; i < logs.length; i++) {
      logs[i] = Math.log1p(logs[i]);
      mean += logs[i] / logs.length;
    }

    double variance = 0;
    for (double x : logs) {
      variance += (x - mean) * (x - mean) / logs.length;
    }

    Column amount = fitted.columns().get(0);
    assertThat(amount.mean()).isCloseTo(mean, within(1e-12));
    assertThat(amount.scale()).isCloseTo(Math.sqrt(variance), within(1e-12));
    Column balance = fitted.columns().get(1);
    assertThat(balance.mean()).isCloseTo(0, within(1e-15));
    assertThat(balance.scale()).isCloseTo(Math.sqrt(30.0 / 11), within(1e-12));
    assertThat(fitted.featurize(row("amount", 20.0, "balance", 1.0, "count", 4.0)).values())
        .containsExactly((Math.log1p(20) - amount.mean()) / amount.scale(), 1 / balance.scale());
  }

  @Test
  void constantColumnGetsScaleOneAndZeroesAtItsValue() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(declared(Transform.CLIP), trainingRows(), 10);

    Column count = fitted.columns().get(2);
    assertThat(count.mean()).isEqualTo(4);
    assertThat(count.scale()).isEqualTo(1);
    assertThat(fitted.featurize(row("amount", Math.E - 1, "balance", 0.0, "count", 6.0)).indices())
        .contains(2);
  }

  @Test
  void missingValueIsZeroWithItsIndicatorSet() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(declared(Transform.CLIP), trainingRows(), 10);

    SparseVector vector = fitted.featurize(row("count", 4.0));

    assertThat(vector).hasToString("{3:1.0, 4:1.0}");
    assertThat(fitted.dimension()).isEqualTo(6);
  }

  @Test
  void nonFiniteValueCountsAsMissing() {
    TabularFeaturizer fitted =
        new TabularFeaturizer(List.of(new Column("x", Transform.CLIP, 0, 1)), 10);
    ModelInput nan = new FixedInput(null, List.of(), Double.NaN);

    assertThat(fitted.featurize(nan)).hasToString("{1:1.0}");
    assertThat(fitted.featurize(new MapInput(Map.of("x", "Infinity")))).hasToString("{1:1.0}");
  }

  @Test
  void absurdLiveValuesAreClipped() {
    TabularFeaturizer fitted =
        new TabularFeaturizer(
            List.of(
                new Column("a", Transform.CLIP, 10, 2), new Column("b", Transform.LOG1P, 1, 0.5)),
            10);

    assertThat(fitted.featurize(row("a", 1e300, "b", 1e300))).hasToString("{0:10.0, 1:10.0}");
    assertThat(fitted.featurize(row("a", -1e300, "b", -5.0))).hasToString("{0:-10.0, 1:-2.0}");
  }

  @Test
  void columnWithoutTrainingValuesStandardisesAroundZero() {
    TabularFeaturizer fitted =
        TabularFeaturizer.fit(List.of(new Declared("never", Transform.CLIP)), trainingRows(), 10);

    assertThat(fitted.columns()).containsExactly(new Column("never", Transform.CLIP, 0, 1));
  }

  @Test
  void hugeTrainingValuesDoNotBreakTheFit() {
    List<ModelInput> rows = List.of(row("x", 1e308), row("x", -1e308), row("x", 1e308));

    TabularFeaturizer fitted =
        TabularFeaturizer.fit(List.of(new Declared("x", Transform.STANDARDISE)), rows, 10);

    assertThat(fitted.columns().get(0).scale()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyColumnListAndBadClip() {
    assertThatThrownBy(() -> new TabularFeaturizer(List.of(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tabular featurizer needs at least one column");
    assertThatThrownBy(() -> TabularFeaturizer.fit(declared(Transform.CLIP), trainingRows(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clip must be positive and finite, found 0.0");
    assertThatThrownBy(() -> new Column("x", Transform.NONE, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "column x is not standardised (transform none): its mean must be 0 and its"
                + " scale 1, found 3.0 and 1.0");
  }

  /** The three columns of {@link #trainingRows}, all with one transform. */
  static List<Declared> declared(Transform transform) {
    return COLUMNS.stream().map(name -> new Declared(name, transform)).toList();
  }

  static ModelInput row(Object... columnsAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }

    return new MapInput(values);
  }
}
