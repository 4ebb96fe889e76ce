package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.featurize.TabularFeaturizer.Column;
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

  @Test
  void skewedNonNegativeColumnIsLoggedOthersStayLinear() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(COLUMNS, trainingRows(), 10);

    assertThat(fitted.columns()).extracting(Column::transform)
        .containsExactly(Transform.LOG1P, Transform.IDENTITY, Transform.IDENTITY);
  }

  @Test
  void standardisesWithTheTrainingMeanAndPopulationStd() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(COLUMNS, trainingRows(), 10);

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
        .containsExactly((Math.log1p(20) - amount.mean()) / amount.scale(),
            1 / balance.scale());
  }

  @Test
  void constantColumnGetsScaleOneAndZeroesAtItsValue() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(COLUMNS, trainingRows(), 10);

    Column count = fitted.columns().get(2);
    assertThat(count.mean()).isEqualTo(4);
    assertThat(count.scale()).isEqualTo(1);
    assertThat(fitted.featurize(row("amount", Math.E - 1, "balance", 0.0, "count", 6.0)).indices())
        .contains(2);
  }

  @Test
  void missingValueIsZeroWithItsIndicatorSet() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(COLUMNS, trainingRows(), 10);

    SparseVector vector = fitted.featurize(row("count", 4.0));

    assertThat(vector).hasToString("{3:1.0, 4:1.0}");
    assertThat(fitted.dimension()).isEqualTo(6);
  }

  @Test
  void nonFiniteValueCountsAsMissing() {
    TabularFeaturizer fitted = new TabularFeaturizer(
        List.of(new Column("x", Transform.IDENTITY, 0, 1)), 10);
    ModelInput nan = new FixedInput(null, List.of(), Double.NaN);

    assertThat(fitted.featurize(nan)).hasToString("{1:1.0}");
    assertThat(fitted.featurize(new MapInput(Map.of("x", "Infinity")))).hasToString("{1:1.0}");
  }

  @Test
  void absurdLiveValuesAreClipped() {
    TabularFeaturizer fitted = new TabularFeaturizer(List.of(
        new Column("a", Transform.IDENTITY, 10, 2), new Column("b", Transform.LOG1P, 1, 0.5)), 10);

    assertThat(fitted.featurize(row("a", 1e300, "b", 1e300))).hasToString("{0:10.0, 1:10.0}");
    assertThat(fitted.featurize(row("a", -1e300, "b", -5.0))).hasToString("{0:-10.0, 1:-2.0}");
  }

  @Test
  void columnWithoutTrainingValuesStandardisesAroundZero() {
    TabularFeaturizer fitted = TabularFeaturizer.fit(List.of("never"), trainingRows(), 10);

    assertThat(fitted.columns()).containsExactly(new Column("never", Transform.IDENTITY, 0, 1));
  }

  @Test
  void hugeTrainingValuesDoNotBreakTheFit() {
    List<ModelInput> rows = List.of(row("x", 1e308), row("x", -1e308), row("x", 1e308));

    TabularFeaturizer fitted = TabularFeaturizer.fit(List.of("x"), rows, 10);

    assertThat(fitted.columns().get(0).scale()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyColumnListAndBadClip() {
    assertThatThrownBy(() -> new TabularFeaturizer(List.of(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tabular featurizer needs at least one column");
    assertThatThrownBy(() -> TabularFeaturizer.fit(COLUMNS, trainingRows(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clip must be positive and finite, found 0.0");
  }

  static ModelInput row(Object... columnsAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }

    return new MapInput(values);
  }
}
