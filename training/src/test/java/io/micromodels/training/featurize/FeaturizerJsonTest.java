package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.training.featurize.TabularFeaturizer.Column;
import io.micromodels.training.featurize.TabularFeaturizer.Declared;
import io.micromodels.training.featurize.TabularFeaturizer.Transform;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Featurizers go into model.json with Jackson and come back equal, featurizing identically. */
class FeaturizerJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Featurizer> featurizers() {
    return Stream.of(
        EmailFeaturizer.defaults(),
        new EmailFeaturizer("contact_email", HashingSpec.of(1 << 10, -7), 1, 3),
        OrderItemsFeaturizer.defaults(),
        new OrderItemsFeaturizer("names", "cats", HashingSpec.of(100, 12345)),
        TabularFeaturizer.fit(
            List.of(
                new Declared("amount", Transform.LOG1P),
                new Declared("balance", Transform.STANDARDISE),
                new Declared("count", Transform.NONE),
                new Declared("x", Transform.CLIP)),
            TabularFeaturizerTest.trainingRows(),
            10),
        new TabularFeaturizer(
            List.of(
                new Column("x", Transform.LOG1P, 0.1 + 0.2, 1 / 3.0),
                new Column("y", Transform.CLIP, -1e-300, Double.MIN_VALUE)),
            2.5));
  }

  static List<ModelInput> rows() {
    return List.of(
        new MapInput(
            Map.of(
                "email",
                "Jöhn.Dœ+x@Exämple.COM",
                "contact_email",
                "a1@b.io",
                "item_names",
                List.of("Champagne", "Vodka 1L"),
                "names",
                List.of("kale"),
                "item_categories",
                List.of("wine"),
                "amount",
                7,
                "balance",
                -2.5,
                "x",
                3)),
        new MapInput(Map.of()));
  }

  @ParameterizedTest
  @MethodSource("featurizers")
  void roundTripsToAnEqualFeaturizerThatFeaturizesIdentically(Featurizer featurizer)
      throws Exception {
    String json = JSON.writeValueAsString(featurizer);

    Featurizer back = JSON.readValue(json, featurizer.getClass());

    assertThat(back).isEqualTo(featurizer);
    assertThat(JSON.writeValueAsString(back)).isEqualTo(json);
    for (ModelInput row : rows()) {
      assertThat(back.featurize(row)).isEqualTo(featurizer.featurize(row));
    }
  }

  @Test
  void hashingIsWrittenWithFunctionVersionSeedAndBuckets() throws Exception {
    assertThat(JSON.writeValueAsString(EmailFeaturizer.defaults()))
        .isEqualTo(
            "{\"column\":"
                + "\"email\",\"hashing\":{\"function\":\"murmur3_x86_32\",\"version\":1,\"seed\":0,"
                + "\"buckets\":65536},\"ngramMin\":2,\"ngramMax\":4}");
    assertThat(JSON.writeValueAsString(OrderItemsFeaturizer.defaults()))
        .isEqualTo(
            "{\"namesColumn\":\"item_names\",\"categoriesColumn\":\"item_categories\",\"hashing\":"
                + "{\"function\":\"murmur3_x86_32\",\"version\":1,\"seed\":0,\"buckets\":65536}}");
  }

  @Test
  void tabularStateIsWrittenPerColumn() throws Exception {
    TabularFeaturizer tabular =
        new TabularFeaturizer(List.of(new Column("amount", Transform.LOG1P, 1.5, 0.25)), 10);

    assertThat(JSON.writeValueAsString(tabular))
        .isEqualTo(
            "{\"columns\":[{\"name\":\"amount\","
                + "\"transform\":\"log1p\",\"mean\":1.5,\"scale\":0.25}],\"clip\":10.0}");
  }

  @Test
  void everyTransformIsWrittenByItsConfigName() throws Exception {
    TabularFeaturizer tabular =
        new TabularFeaturizer(
            List.of(
                new Column("a", Transform.NONE, 0, 1), new Column("b", Transform.STANDARDISE, 1, 2),
                new Column("c", Transform.CLIP, 1, 2), new Column("d", Transform.LOG1P, 1, 2)),
            10);

    assertThat(JSON.readTree(JSON.writeValueAsString(tabular)).findValuesAsText("transform"))
        .containsExactly("none", "standardise", "clip", "log1p");
  }

  /**
   * model.json written before transforms were declared says {@code identity} for standardise and
   * clip: it reads as {@code clip} and featurizes exactly as that format's formula did.
   */
  @Test
  void legacyIdentityColumnReadsAsClipAndFeaturizesAsBefore() throws Exception {
    TabularFeaturizer legacy =
        JSON.readValue(
            "{\"columns\":[{\"name\":\"age\","
                + "\"transform\":\"identity\",\"mean\":315.5,\"scale\":218.25},{\"name\":"
                + "\"amount\",\"transform\":\"log1p\",\"mean\":3.5,\"scale\":0.75}],"
                + "\"clip\":10.0}",
            TabularFeaturizer.class);

    assertThat(legacy.columns())
        .extracting(Column::transform)
        .containsExactly(Transform.CLIP, Transform.LOG1P);
    ModelInput row = new MapInput(Map.of("age", 20.5, "amount", 99.0));
    assertThat(legacy.featurize(row).values())
        .containsExactly((20.5 - 315.5) / 218.25, (StrictMath.log1p(99) - 3.5) / 0.75);
    assertThat(legacy.featurize(new MapInput(Map.of("age", 1e9, "amount", 1e300))).values())
        .containsExactly(10.0, 10.0);
    assertThat(JSON.writeValueAsString(legacy))
        .contains("\"transform\":\"clip\"")
        .doesNotContain("identity");
  }

  @Test
  void unknownTransformInModelJsonFailsNamingTheAcceptedOnes() {
    assertThatThrownBy(
            () ->
                JSON.readValue(
                    "{\"columns\":[{\"name\":\"a\",\"transform\":"
                        + "\"sqrt\",\"mean\":0,\"scale\":1}],\"clip\":10.0}",
                    TabularFeaturizer.class))
        .hasMessageContaining(
            "unknown tabular transform `sqrt`; expected one of [none,"
                + " standardise, clip, log1p]");
  }
}
