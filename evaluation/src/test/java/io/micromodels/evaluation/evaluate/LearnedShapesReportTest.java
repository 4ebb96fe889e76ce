package io.micromodels.evaluation.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.evaluation.report.ReportModel;
import io.micromodels.evaluation.report.ReportModel.Section;
import io.micromodels.evaluation.report.ReportWriter;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.artifact.AdditiveShapes;
import io.micromodels.training.artifact.AdditiveShapes.MicromodelShapes;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.featurize.BinnedFeaturizer;
import io.micromodels.training.featurize.BinnedFeaturizer.Column;
import io.micromodels.training.fit.LogisticModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The report's "Learned shapes" sections for a binned micromodel, with and without champion. */
class LearnedShapesReportTest {
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  /**
   * A binned micromodel over amount (edges 10, 20, 50: block 0-7, missing 7) and account age (edges
   * 1, 7: block 8-13, missing 13), smoothness 0 (level value 1).
   */
  static MicromodelShapes behaviour() {
    BinnedFeaturizer featurizer =
        new BinnedFeaturizer(
            List.of(
                new Column("amount", List.of(10.0, 20.0, 50.0)),
                new Column("account_age_days", List.of(1.0, 7.0))),
            0);
    LogisticModel model =
        LogisticModel.ofDense(
            -4,
            new double[] {
              0, 0.1, 0.2, 0.3, 0.5, 0.25, 1.5, 0.125, 0.75, 0.25, 0, -0.5, -0.25, 0.375
            });
    return AdditiveShapes.of(
            new TrainedMicromodel(
                "behaviour", "binned", MicromodelSpec.Scope.CLIENT, featurizer, model, null))
        .orElseThrow();
  }

  /** The champion's behaviour micromodel read amount only. */
  private static MicromodelShapes championBehaviour() {
    BinnedFeaturizer featurizer =
        new BinnedFeaturizer(List.of(new Column("amount", List.of(15.0, 40.0))), 0);
    LogisticModel model = LogisticModel.ofDense(-3, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, -0.625});
    return AdditiveShapes.of(
            new TrainedMicromodel(
                "behaviour", "binned", MicromodelSpec.Scope.CLIENT, featurizer, model, null))
        .orElseThrow();
  }

  @Test
  void withoutChampionOneCandidatePlotPerInput() throws Exception {
    String html = render(BacktestReport.shapes(List.of(behaviour()), null));

    assertThat(html)
        .contains(
            "<h2>Learned shapes: behaviour (binned)</h2>",
            "<div class=\"plots shapes\">",
            "No champion.",
            "<figcaption>amount</figcaption>",
            "<figcaption>account_age_days</figcaption>",
            "<p class=\"note\">Missing: candidate +0.125.</p>",
            "<p class=\"note\">Missing: candidate +0.375.</p>",
            "<a href=\"#section-1\">Learned shapes: behaviour (binned)</a>");
    List<String> svgs = wellFormedSvgs(html);
    assertThat(svgs).hasSize(2);
    assertThat(svgs)
        .allSatisfy(
            svg ->
                assertThat(svg)
                    .contains(">candidate</text>", "class=\"reference\"")
                    .doesNotContain(">champion</text>"));
    // amount's step curve: bins 0, 0.1 + 0.5, 0.2 + 0.5 + 0.25, 0.3 + 0.5 + 0.25 + 1.5 = 2.55,
    // so its y axis runs 0..3 in steps of 0.5.
    assertThat(svgs.get(0))
        .contains(">log-odds contribution</text>", ">3.0</text>")
        .doesNotContain(">3.5</text>");
  }

  @Test
  void withChampionItsShapeIsTheSecondSeriesWhereItReadsTheInput() throws Exception {
    String html = render(BacktestReport.shapes(List.of(behaviour()), List.of(championBehaviour())));

    assertThat(html)
        .doesNotContain("No champion.")
        .contains(
            "<p class=\"note\">Missing: candidate +0.125, champion -0.625.</p>",
            "<p class=\"note\">Missing: candidate +0.375.</p><p class=\"note\">Champion: no additive"
                + " micromodel reads this input.</p>");
    List<String> svgs = wellFormedSvgs(html);
    assertThat(svgs).hasSize(2);
    assertThat(svgs.get(0))
        .contains(
            ">candidate</text>", ">champion</text>", "stroke-dasharray=\"6 3\" stroke-width=\"2\"");
    assertThat(svgs.get(1)).contains(">candidate</text>").doesNotContain(">champion</text>");
    assertThat(Pattern.compile("<polyline").matcher(svgs.get(0)).results().count()).isEqualTo(2);
  }

  @Test
  void aChampionInputInAnotherMicromodelIsComparedAndNamed() {
    MicromodelShapes renamed =
        new MicromodelShapes("velocity", "binned", championBehaviour().inputs());

    String html = render(BacktestReport.shapes(List.of(behaviour()), List.of(renamed)));

    assertThat(html).contains("Champion: in micromodel velocity (binned).");
  }

  @Test
  void noAdditiveMicromodelNoSection() {
    assertThat(BacktestReport.shapes(List.of(), List.of(behaviour()))).isEmpty();
  }

  private static String render(List<Section> sections) {
    return ReportWriter.render(
        new ReportModel(
            new ReportModel.Header("Backtest", "acme", "2026-10-01", "run-1"),
            null,
            List.of(),
            sections,
            List.of(),
            List.of()));
  }

  private static List<String> wellFormedSvgs(String html) throws Exception {
    List<String> svgs = SVG.matcher(html).results().map(MatchResult::group).toList();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (String svg : svgs) {
      factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    return svgs;
  }
}
