package io.micromodels.training.micromodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.config.MicromodelKind;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.Regularisation;
import io.micromodels.training.featurize.BinnedFeaturizer;
import io.micromodels.training.featurize.EmailFeaturizer;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.HashingSpec;
import io.micromodels.training.featurize.OrderItemsFeaturizer;
import io.micromodels.training.featurize.TabularFeaturizer;
import io.micromodels.training.featurize.TabularFeaturizer.Column;
import io.micromodels.training.featurize.TabularFeaturizer.Transform;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MicromodelTypesTest {
  @Test
  void findsTheBuiltInTypesAndTheTestOnlyOne() {
    assertThat(MicromodelTypes.names())
        .contains("device_prefix", "email", "order_items", "tabular");
    assertThat(List.copyOf(MicromodelTypes.names())).isSorted();
    assertThat(MicromodelTypes.of("email")).isInstanceOf(EmailMicromodelType.class);
    assertThat(MicromodelTypes.of("order_items").featurizerClass())
        .isEqualTo(OrderItemsFeaturizer.class);
    assertThat(MicromodelTypes.of("tabular").featurizerClass()).isEqualTo(TabularFeaturizer.class);
    assertThat(MicromodelTypes.of("binned").featurizerClass()).isEqualTo(BinnedFeaturizer.class);
  }

  @Test
  void unknownTypeNamesItselfAndTheKnownOnes() {
    assertThatThrownBy(() -> MicromodelTypes.of("neural"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown micromodel type `neural`; known types: "
                + MicromodelTypes.names()
                + ". A new type implements"
                + " io.micromodels.training.micromodel.MicromodelType and is registered in"
                + " META-INF/services/io.micromodels.features.config.MicromodelKind"
                + " (docs/micromodels.md).")
        .hasMessageContaining("known types: [binned, device_prefix, email, order_items, ");
  }

  @Test
  void kindThatIsNotATypeIsABrokenRegistration() {
    MicromodelKind bare = () -> "bare";

    assertThatThrownBy(() -> MicromodelTypes.index(List.of(bare)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "is registered in META-INF/services/"
                + "io.micromodels.features.config.MicromodelKind but does not implement"
                + " io.micromodels.training.micromodel.MicromodelType");
  }

  @Test
  void twoClassesClaimingOneNameAreRefused() {
    MicromodelType impostor =
        new MicromodelType() {
          @Override
          public String type() {
            return "email";
          }

          @Override
          public EmailFeaturizer featurizer(
              MicromodelSpec spec, Iterable<? extends ModelInput> rows) {
            return EmailFeaturizer.defaults();
          }

          @Override
          public Class<EmailFeaturizer> featurizerClass() {
            return EmailFeaturizer.class;
          }
        };

    assertThatThrownBy(() -> MicromodelTypes.index(List.of(new EmailMicromodelType(), impostor)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "micromodel type `email` is registered twice, by"
                + " io.micromodels.training.micromodel.EmailMicromodelType and ");
  }

  @ParameterizedTest
  @CsvSource({
    "email,email",
    "order_items,item_names",
    "tabular,amount",
    "binned,amount",
    "device_prefix,device_id"
  })
  void everyTypesFeaturizerRoundTripsThroughItsFeaturizerClass(String name, String input)
      throws Exception {
    MicromodelType type = MicromodelTypes.of(name);
    List<ModelInput> rows =
        List.of(
            new MapInput(Map.of("amount", 3, "email", "a@b.c")),
            new MapInput(Map.of("amount", 5, "device_id", "emu-1", "item_names", List.of("kale"))));
    List<String> inputs = input.equals("amount") ? List.of(input) : List.of();
    Featurizer featurizer = type.featurizer(spec(name, inputs, Map.of()), rows);
    ObjectMapper json = new ObjectMapper();

    Featurizer back = json.readValue(json.writeValueAsString(featurizer), type.featurizerClass());

    assertThat(back).isEqualTo(featurizer).isInstanceOf(type.featurizerClass());
    for (ModelInput row : rows) {
      assertThat(back.featurize(row)).isEqualTo(featurizer.featurize(row));
    }

    assertThat(featurizer.featurize(rows.get(1)).size()).isPositive();
  }

  @Test
  void bundledSampleConfigsPassTheTypesOwnChecks() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(Path.of("../data-samples/clients"));

    assertThat(configs)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.micromodels())
                    .extracting(MicromodelSpec::type)
                    .contains("email", "order_items", "tabular"));
  }

  @Test
  void emailTypeReadsItsParamsAndInput() {
    EmailFeaturizer featurizer =
        new EmailMicromodelType()
            .featurizer(
                spec(
                    "email",
                    List.of("contact"),
                    Map.of("buckets", "1024", "seed", "-3", "ngram_min", "1", "ngram_max", "3")),
                List.of());

    assertThat(featurizer)
        .isEqualTo(new EmailFeaturizer("contact", HashingSpec.of(1024, -3), 1, 3));
    assertThat(new EmailMicromodelType().featurizer(spec("email", List.of(), Map.of()), List.of()))
        .isEqualTo(EmailFeaturizer.defaults());
  }

  @Test
  void orderItemsTypeDefaultsToTheItemColumns() {
    assertThat(
            new OrderItemsMicromodelType()
                .featurizer(
                    spec("order_items", List.of("item_names", "item_categories"), Map.of()),
                    List.of()))
        .isEqualTo(OrderItemsFeaturizer.defaults());
  }

  @Test
  void tabularTypeFitsOnTheTrainingRows() {
    TabularFeaturizer featurizer =
        new TabularMicromodelType()
            .featurizer(
                spec("tabular", List.of("amount"), Map.of("clip", "4")),
                List.of(new MapInput(Map.of("amount", 2)), new MapInput(Map.of("amount", 4))));

    assertThat(featurizer.clip()).isEqualTo(4);
    assertThat(featurizer.columns().get(0).mean()).isEqualTo(3);
    assertThat(featurizer.columns().get(0).scale()).isEqualTo(1);
    assertThat(featurizer.columns().get(0).transform()).isEqualTo(Transform.CLIP);
  }

  @Test
  void tabularTransformsAreDeclaredWithADefaultAndPerInputOverrides() {
    List<String> inputs = List.of("amount", "customer.amount_avg_30d", "time.night");
    List<MapInput> rows = List.of(new MapInput(Map.of("amount", 1, "time.night", 1)));

    assertThat(
            new TabularMicromodelType()
                .featurizer(spec("tabular", inputs, Map.of()), rows)
                .columns())
        .extracting(Column::transform)
        .containsExactly(Transform.CLIP, Transform.CLIP, Transform.CLIP);
    assertThat(
            new TabularMicromodelType()
                .featurizer(
                    spec(
                        "tabular",
                        inputs,
                        Map.of(
                            "transform",
                            "standardise",
                            "transform.customer.amount_avg_30d",
                            "log1p",
                            "transform.time.night",
                            " none")),
                    rows)
                .columns())
        .extracting(Column::transform)
        .containsExactly(Transform.STANDARDISE, Transform.LOG1P, Transform.NONE);
  }

  @Test
  void tabularTransformParamsAreReadAndCheckedWhenTheClientConfigLoads(@TempDir Path dir)
      throws Exception {
    String sample =
        Files.readString(Path.of("../data-samples/clients/tripwise.yaml"))
            .replace("assertions: ../assertions/tripwise.csv\n", "");
    String inputs =
        "             attributes.route.fraud_rate_28d_delay7d, account_age_days,"
            + " payment_country_mismatch]\n";
    assertThat(sample).contains(inputs);
    Path good = Files.createDirectories(dir.resolve("good")).resolve("tripwise.yaml");
    Files.writeString(
        good,
        sample.replace(
            inputs,
            inputs
                + "    params:\n"
                + "      transform: standardise\n"
                + "      transform.customer.amount_avg_30d: log1p\n"));
    Path bad = Files.createDirectories(dir.resolve("bad")).resolve("tripwise.yaml");
    Files.writeString(
        bad,
        sample.replace(
            inputs,
            inputs + "    params:\n" + "      transform.customer.amount_avg_30d: logarithm\n"));

    assertThat(ClientConfigLoader.load(good).micromodels())
        .filteredOn(m -> m.type().equals("tabular"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.params())
                    .isEqualTo(
                        Map.of(
                            "transform",
                            "standardise",
                            "transform.customer.amount_avg_30d",
                            "log1p")));
    assertThatThrownBy(() -> ClientConfigLoader.load(bad))
        .hasMessageContaining(
            "param `transform.customer.amount_avg_30d` is `logarithm`;"
                + " expected one of [none, standardise, clip, log1p]");
  }

  @Test
  void badTabularTransformsAreRefusedNamingTheMicromodelKeyAndAcceptedValues() {
    List<String> inputs = List.of("amount", "customer.amount_avg_30d");
    String accepted = "[none, standardise, clip, log1p]";

    assertThatThrownBy(
            () ->
                new TabularMicromodelType()
                    .check(spec("tabular", inputs, Map.of("transform", "identity"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Cannot build micromodel `m` (type tabular): param `transform` is"
                + " `identity`; expected one of "
                + accepted
                + ". Fix `micromodels`");
    assertThatThrownBy(
            () ->
                new TabularMicromodelType()
                    .check(
                        spec(
                            "tabular", inputs, Map.of("transform.customer.amount_avg_30d", "log"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "param `transform.customer.amount_avg_30d` is `log`; expected one" + " of " + accepted);
    assertThatThrownBy(
            () ->
                new TabularMicromodelType()
                    .check(
                        spec(
                            "tabular",
                            inputs,
                            Map.of("transform.customer.amount_avg_7d", "log1p"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "param `transform.customer.amount_avg_7d` names no column of"
                + " `inputs` [amount, customer.amount_avg_30d]; expected `transform.<input column>`"
                + " with one of "
                + accepted);
    assertThatThrownBy(
            () ->
                new TabularMicromodelType()
                    .check(spec("tabular", inputs, Map.of("transforms", "clip"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "param `transforms` is unknown; expected one of [clip, transform]"
                + " or a key starting with one of [transform.]");
  }

  @Test
  void binnedTypeReadsItsParamsAndFitsEdgesOnTheTrainingRows() {
    BinnedFeaturizer featurizer =
        new BinnedMicromodelType()
            .featurizer(
                spec("binned", List.of("amount"), Map.of("bins", "2", "smoothness", "0.5")),
                List.of(
                    new MapInput(Map.of("amount", 2)),
                    new MapInput(Map.of("amount", 4)),
                    new MapInput(Map.of("amount", 6)),
                    new MapInput(Map.of("amount", 8))));

    assertThat(featurizer)
        .isEqualTo(
            new BinnedFeaturizer(
                List.of(new BinnedFeaturizer.Column("amount", List.of(6.0))), 0.5));
    assertThat(
            new BinnedMicromodelType()
                .featurizer(spec("binned", List.of("a"), Map.of()), List.of())
                .smoothness())
        .isEqualTo(BinnedFeaturizer.SMOOTHNESS_DEFAULT);
  }

  @Test
  void badParamsAreConfigErrorsNamingTheMicromodelAndKey() {
    assertThatThrownBy(
            () ->
                new EmailMicromodelType()
                    .featurizer(spec("email", List.of(), Map.of("bucket", "10")), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Cannot build micromodel `m` (type email): param `bucket` is unknown;"
                + " expected one of [buckets, ngram_max, ngram_min, seed]. Fix `micromodels` in the"
                + " client config (docs/micromodels.md lists each type's inputs and params).");
    assertThatThrownBy(
            () ->
                new OrderItemsMicromodelType()
                    .featurizer(
                        spec("order_items", List.of(), Map.of("buckets", "lots")), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "param `buckets` is `lots`; expected a whole number within" + " 1..16777216");
    assertThatThrownBy(
            () ->
                new EmailMicromodelType()
                    .featurizer(
                        spec("email", List.of(), Map.of("ngram_min", "5", "ngram_max", "3")),
                        List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("param `ngram_max` is `3`; expected a whole number within 5..8");
    assertThatThrownBy(
            () ->
                new EmailMicromodelType()
                    .featurizer(
                        spec("email", List.of("email", "email_domain"), Map.of()), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "expected 1 input column(s), like [email], found [email," + " email_domain]");
    assertThatThrownBy(
            () ->
                new TabularMicromodelType()
                    .featurizer(
                        spec("tabular", List.of("amount"), Map.of("clip", "-1")), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("param `clip` is `-1`; expected a number within");
    assertThatThrownBy(
            () ->
                new BinnedMicromodelType()
                    .featurizer(spec("binned", List.of("amount"), Map.of("bins", "1")), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("param `bins` is `1`; expected a whole number within 2..256");
    assertThatThrownBy(
            () ->
                new BinnedMicromodelType()
                    .featurizer(spec("binned", List.of(), Map.of()), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("a binned micromodel needs its numeric input columns in `inputs`");
  }

  static MicromodelSpec spec(String type, List<String> inputs, Map<String, String> params) {
    return new MicromodelSpec(
        "m", type, MicromodelSpec.Scope.CLIENT, inputs, Regularisation.defaults(), params);
  }
}
