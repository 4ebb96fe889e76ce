package io.micromodels.evaluation.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.evaluation.backtest.Drift;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Drift on rows whose distributions are known: fold 1 is drawn like the reference, fold 2 has
 * {@code x} moved up by half its range and half of {@code y} missing.
 */
class DriftJobTest {
  private static final Instant AS_OF = Instant.parse("2025-10-07T23:59:59.999999Z");
  private static final StructType SCHEMA =
      new StructType()
          .add("client_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType)
          .add("x", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType);

  @Test
  void aWindowLikeTheReferenceIsStableAndAShiftedOrHalfMissingOneIsShifted() throws Exception {
    SparkSession spark = SharedSpark.session();
    ClientConfig config = ClientConfigLoader.load(Path.of("../data-samples/clients/voltmart.yaml"));
    FoldLayout layout = FoldLayout.of(AS_OF, 2, 30, 0, 7);
    DriftJob.Plan plan =
        new DriftJob.Plan(
            "voltmart",
            layout.firstTrainStart(),
            layout.folds().get(0).trainEnd(),
            "fold 1's training window",
            layout,
            List.of("x", "y"),
            null);
    List<Row> rows = new ArrayList<>();
    rows.addAll(rows(plan.referenceStart(), 3000, 0, false));
    rows.addAll(rows(layout.folds().get(0).testStart(), 1000, 0, false));
    rows.addAll(rows(layout.folds().get(1).testStart(), 1000, 50, true));
    rows.add(RowFactory.create("voltmart", AS_OF.plus(Duration.ofDays(1)), 1e9, 1e9));

    Map<String, Drift> drift =
        DriftJob.measure(
            spark, spark.createDataFrame(rows, SCHEMA), List.of(config), Map.of("voltmart", plan));

    Drift voltmart = drift.get("voltmart");
    assertThat(voltmart.reference()).isEqualTo("fold 1's training window");
    assertThat(voltmart.score()).as("no production model, no score drift").isEmpty();
    assertThat(voltmart.variables()).extracting(Drift.Variable::name).containsExactly("x", "y");
    Drift.Variable x = voltmart.variables().get(0);
    Drift.Variable y = voltmart.variables().get(1);
    assertThat(x.psi().get(0)).isBetween(0.0, 0.01);
    assertThat(x.psi().get(1)).isGreaterThan(1.0);
    assertThat(x.status()).isEqualTo("shifted");
    assertThat(y.psi().get(0)).isBetween(0.0, 0.01);
    // half the rows move into the missing bin, which the reference never used
    assertThat(y.psi().get(1)).isGreaterThan(Drift.SHIFTED);
    // a bin going from empty to half the rows outweighs half the rows moving up five bins
    assertThat(y.max()).isGreaterThan(x.max());
    assertThat(voltmart.shifted()).extracting(Drift.Variable::name).containsExactly("y", "x");
    assertThat(voltmart.worstInput()).map(Drift.Variable::name).hasValue("y");
  }

  /** {@code n} rows an hour apart from {@code start}, x and y cycling over 0..99 (+shift). */
  private static List<Row> rows(Instant start, int n, double shift, boolean halfMissingY) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double value = (i * 37) % 100 + shift;
      rows.add(
          RowFactory.create(
              "voltmart",
              start.plus(Duration.ofMinutes(10L * i)),
              value,
              halfMissingY && i % 2 == 0 ? null : (i * 53) % 100 + 0.0));
    }
    return rows;
  }
}
