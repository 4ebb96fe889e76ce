package io.micromodels.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.scorer.testing.GoldenFiles;
import io.micromodels.scorer.testing.ScorerFixtures;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import io.micromodels.training.train.LabelledRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scorer module's classpath is what a live service gets: training, features, Jackson and
 * LIBLINEAR, no Spark. Training with LIBLINEAR, writing and reading {@code model.json} and scoring
 * all work there.
 */
class ScorerWithoutSparkTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.spark.sql.Row",
        "org.apache.spark.SparkContext",
        "io.delta.tables.DeltaTable",
        "org.apache.hadoop.conf.Configuration",
        "scala.Option"
      })
  void noSparkDeltaHadoopOrScalaClassIsOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessageContaining(className);
  }

  @Test
  void aModelTrainedWithoutSparkScoresTheSameAfterWritingAndReadingModelJson(@TempDir Path dir) {
    ClientModel trained = ScorerFixtures.trainedModel();
    Path file = dir.resolve(ModelFormat.FILE_NAME);
    ModelFormat.write(trained, file);
    Scorer original = new Scorer(trained);
    Scorer read = new Scorer(ModelFormat.read(file));

    List<LabelledRow> heldOut = ScorerFixtures.orders(1000, 7);
    for (LabelledRow row : heldOut) {
      assertThat(read.score(row.input())).isEqualTo(original.score(row.input()));
    }

    double fraud = meanScore(read, heldOut, 1);
    double genuine = meanScore(read, heldOut, 0);
    assertThat(fraud).isGreaterThan(genuine + 20);
  }

  @Test
  void aScoreCarriesEveryMicromodelsAndRawFeaturesContribution() {
    Scorer scorer = new Scorer(ModelFormat.read(GoldenFiles.path(GoldenFiles.MODEL)));
    ScoreResult result = scorer.score(ScorerFixtures.orders(5, 3).get(0).input());

    assertThat(result.contributions())
        .containsOnlyKeys("email", "basket", "behaviour", "time.night");
    assertThat(result.score())
        .isBetween(0.0, 100.0)
        .isCloseTo(100 * result.probability(), org.assertj.core.data.Offset.offset(1e-9));
  }

  private static double meanScore(Scorer scorer, List<LabelledRow> rows, double label) {
    return rows.stream()
        .filter(r -> r.label() == label)
        .mapToDouble(r -> scorer.scoreOnly(r.input()))
        .average()
        .orElseThrow();
  }
}
