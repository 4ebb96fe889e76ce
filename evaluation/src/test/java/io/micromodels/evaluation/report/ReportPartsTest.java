package io.micromodels.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.evaluation.report.ReportModel.Counts;
import io.micromodels.evaluation.report.ReportModel.HistogramPlot;
import io.micromodels.evaluation.report.ReportModel.Series;
import io.micromodels.evaluation.report.ReportModel.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces: escaping, JSON for script elements, number formats, axes, validation. */
class ReportPartsTest {
  @Test
  void escapeMakesMarkupInertInTextAndAttributes() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    assertThat(Html.escape("bell\u0007 tab\t")).isEqualTo("bell\uFFFD tab\t");
    assertThat(Html.escape(null)).isEqualTo("-");
  }

  @Test
  void scriptJsonCannotCloseItsElement() {
    assertThat(ScriptJson.of(List.of("</script><!--&\u2028\u2029")))
        .isEqualTo("[\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"]");
  }

  @Test
  void numbersAreFormattedWithoutLocaleOrExponent() {
    assertThat(ReportFormat.number(0.81234)).isEqualTo("0.8123");
    assertThat(ReportFormat.number(null)).isEqualTo("-");
    assertThat(ReportFormat.number(Double.NaN)).isEqualTo("-");
    assertThat(ReportFormat.percent(0.0125)).isEqualTo("1.25%");
    assertThat(ReportFormat.exact(1.0E-7)).isEqualTo("0.0000001");
    assertThat(ReportFormat.exact(42.0)).isEqualTo("42");
    assertThat(ReportFormat.exact(-0.0)).isEqualTo("0");
  }

  @Test
  void axisTicksAreRoundAndCoverTheData() {
    Axis unit = Axis.covering(0, 1, 0, 100);
    assertThat(unit.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
    assertThat(unit.ticks().stream().map(unit::label).toList())
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    Axis counts = Axis.covering(0, 9100, 300, 0);
    assertThat(counts.max()).isEqualTo(10_000);
    assertThat(counts.label(counts.ticks().get(1))).isEqualTo("2000");
    assertThat(counts.pixel(0)).isEqualTo(300);
    assertThat(counts.pixel(10_000)).isEqualTo(0);
    Axis single = Axis.covering(0.05, 0.05, 0, 1);
    assertThat(single.min()).isLessThan(0.05);
    assertThat(single.max()).isGreaterThan(0.05);
  }

  @Test
  void numericColumnsNeedNumbersInEveryPresentCell() {
    Table table =
        new Table(
            "t",
            List.of("a", "b", "c", "d"),
            List.of(
                Arrays.asList("1,234.5", "x", "-", null),
                Arrays.asList("-", "2", "-", null),
                Arrays.asList("+0.013", "3", "-", null)));
    boolean[] numeric = HtmlTable.numericColumns(table);
    assertThat(new boolean[] {numeric[0], numeric[1], numeric[2], numeric[3]})
        .containsExactly(true, false, false, false);
    assertThat(HtmlTable.isNumber("12.5%")).isTrue();
    assertThat(HtmlTable.isNumber("2026-08-01")).isFalse();
    assertThat(HtmlTable.isNumber("1e-5")).isTrue();
  }

  @Test
  void modelRejectsInconsistentShapes() {
    assertThatThrownBy(() -> new Table("Per fold", List.of("a", "b"), List.of(List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Table 'Per fold': a row has 1 cells, the table 2 columns");
    assertThatThrownBy(() -> new Series("pr", new double[] {0, 1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Series 'pr': 2 x values, 1 y values");
    assertThatThrownBy(() -> new Series("pr", new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-finite");
    assertThatThrownBy(
            () ->
                new HistogramPlot(
                    "scores",
                    "score",
                    new double[] {0, 50, 100},
                    List.of(new Counts("candidate", new long[] {1, 2, 3}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Histogram 'scores': series 'candidate' has 3 counts for 2 bins");
  }

  @Test
  void seriesCopiesItsArrays() {
    double[] x = {0, 1};
    Series series = new Series("s", x, new double[] {0, 1});
    x[0] = 9;
    series.x()[1] = 9;
    assertThat(series.x()).containsExactly(0, 1);
    assertThat(series).isEqualTo(new Series("s", new double[] {0, 1}, new double[] {0, 1}));
  }
}
