package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.ConfigException;
import io.micromodels.features.FeatureRange;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureExportTest {
  private static final String CONFIG =
      """
      client_id: acme
      label: {scope: event, delay_days: 7}
      features:
        - {entity: customer_id, aggregate: count, event_types: [order], windows: [24h]}
      policy:
        global_threshold: {prevent_at: 80}
      """;
  private static final FeatureRange JUNE_1_TO_3 =
      new FeatureRange(
          LocalDate.of(2025, 6, 1),
          LocalDate.of(2025, 6, 3),
          FeatureRange.endOf(LocalDate.of(2025, 6, 15)));
  private static final List<String> EVENTS =
      List.of(
          FeatureFixture.order("acme", "o1", "2025-06-01T10:00:00Z", 10),
          FeatureFixture.order("acme", "o2", "2025-06-01T11:00:00Z", 20),
          FeatureFixture.order("acme", "o3", "2025-06-03T09:00:00Z", 30, "c2"),
          FeatureFixture.labelEvent("acme", "cb1", "chargeback", "2025-06-05T00:00:00Z", "o2", 1));

  private static FeatureFixture fixture;
  private static ClientConfig acme;

  /** The features table's rows of the same warehouse and range, by event id. */
  private static Map<String, Row> table;

  @BeforeAll
  static void buildTheTable() {
    fixture = new FeatureFixture("export");
    acme = fixture.config("acme", CONFIG);
    table = fixture.build("w", List.of(acme), EVENTS, JUNE_1_TO_3);
  }

  private static FeatureExport export() {
    return new FeatureExport(SharedSpark.session(), fixture.settings("w"));
  }

  @Test
  void parquetHoldsTheRowsOfTheFeaturesTable() {
    String out = fixture.dir().resolve("parquet").toString();

    Map<String, Long> counts =
        export().write(List.of(acme), JUNE_1_TO_3, out, FeatureExport.Format.PARQUET);

    Map<String, Row> exported = new HashMap<>();
    SharedSpark.session()
        .read()
        .parquet(out)
        .collectAsList()
        .forEach(r -> exported.put(r.getAs("event_id"), r));
    assertThat(counts).containsExactly(Map.entry("acme", 3L));
    assertThat(exported.keySet())
        .isEqualTo(table.keySet())
        .containsExactlyInAnyOrder("o1", "o2", "o3");
    String feature = acme.featureColumns().get(0);
    for (String id : table.keySet()) {
      assertThat((Object) exported.get(id).getAs("label")).isEqualTo(table.get(id).getAs("label"));
      assertThat((Object) exported.get(id).getAs(feature)).isEqualTo(table.get(id).getAs(feature));
    }
    assertThat((int) exported.get("o2").getAs("label")).isEqualTo(1);
  }

  @Test
  void csvHasAHeaderAndListsAsJsonText() throws IOException {
    String out = fixture.dir().resolve("csv").toString();

    export().write(List.of(acme), JUNE_1_TO_3, out, FeatureExport.Format.CSV);

    Path folder = Path.of(out, "client_id=acme");
    List<String> lines;
    try (Stream<Path> parts = Files.list(folder)) {
      lines =
          parts
              .filter(p -> p.getFileName().toString().endsWith(".csv"))
              .flatMap(
                  p -> {
                    try {
                      return Files.readAllLines(p).stream();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }
    assertThat(lines.get(0))
        .startsWith("event_id,")
        .contains("item_names")
        .contains(acme.featureColumns().get(0));
    assertThat(lines.stream().filter(l -> l.startsWith("o1,")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("[\\\""));
  }

  @Test
  void anExistingFolderIsNeverOverwritten() throws IOException {
    Path out = Files.createDirectories(fixture.dir().resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");

    assertThatThrownBy(
            () ->
                export()
                    .write(
                        List.of(acme), JUNE_1_TO_3, out.toString(), FeatureExport.Format.PARQUET))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exists; an export never overwrites");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
  }
}
