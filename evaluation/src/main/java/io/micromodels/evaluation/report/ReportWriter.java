package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.HappyPathRow;
import io.micromodels.evaluation.report.ReportModel.Header;
import io.micromodels.evaluation.report.ReportModel.LineageEntry;
import io.micromodels.evaluation.report.ReportModel.Objective;
import io.micromodels.evaluation.report.ReportModel.Outcome;
import io.micromodels.evaluation.report.ReportModel.Plot;
import io.micromodels.evaluation.report.ReportModel.Section;
import io.micromodels.evaluation.report.ReportModel.ShapePlot;
import io.micromodels.evaluation.report.ReportModel.Status;
import io.micromodels.evaluation.report.ReportModel.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes the artifact's {@code report.html} (DESIGN.md §3.4): one self-contained page that works
 * offline. Styles, script and SVG plots are inline; a Content-Security-Policy allows only the
 * page's own script and style (by hash) and no fetches, so even a missed escape could not run.
 */
public final class ReportWriter {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private ReportWriter() {}

  /**
   * Renders {@code model} and writes it (UTF-8) to {@code html}, replacing the file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(ReportModel model, Path html) {
    try {
      Files.writeString(html, render(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report " + html, e);
    }
  }

  /** The whole page; the same model gives the same text. */
  public static String render(ReportModel model) {
    StringBuilder html = new StringBuilder(64 * 1024 + model.events().size() * 160);
    head(model.header(), html);
    html.append("<body>");
    pageHeader(model, html);
    html.append("<main>");
    if (model.objective() != null) {
      objective(model.objective(), html);
    }
    happyPath(model, html);
    for (int i = 0; i < model.sections().size(); i++) {
      section(model.sections().get(i), "section-" + (i + 1), html);
    }
    html.append("<section id=\"events\"><h2>Per-event comparison</h2>");
    EventTable.render(model.events(), html);
    html.append("</section>");
    lineage(model, html);
    html.append("</main><footer>Self-contained report: no network access, no external files.")
        .append("</footer><script>")
        .append(JS)
        .append("</script></body></html>\n");
    return html.toString();
  }

  private static void head(Header header, StringBuilder html) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("script-src '")
        .append(sha256(JS))
        .append("'; style-src '")
        .append(sha256(CSS))
        .append("'; img-src 'none'; base-uri 'none'; form-action 'none'\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(header.title() + " — " + header.client()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head>");
  }

  private static void pageHeader(ReportModel model, StringBuilder html) {
    Header header = model.header();
    html.append("<header class=\"page-header\"><h1>")
        .append(Html.escape(header.title()))
        .append("</h1><p class=\"subtitle\"><span>Client <strong>")
        .append(Html.escape(header.client()))
        .append("</strong></span><span>As of <strong>")
        .append(Html.escape(header.asOf()))
        .append("</strong></span><span>Run <strong>")
        .append(Html.escape(header.runId()))
        .append("</strong></span></p>")
        .append("<nav aria-label=\"Contents\"><ul>");
    if (model.objective() != null) {
      link("objective", "Objective", html);
    }
    link("happy-path", "Happy path", html);
    for (int i = 0; i < model.sections().size(); i++) {
      link("section-" + (i + 1), model.sections().get(i).title(), html);
    }
    link("events", "Per-event comparison", html);
    link("lineage", "Lineage", html);
    html.append("</ul></nav></header>");
  }

  private static void link(String id, String text, StringBuilder html) {
    html.append("<li><a href=\"#")
        .append(id)
        .append("\">")
        .append(Html.escape(text))
        .append("</a></li>");
  }

  private static void objective(Objective objective, StringBuilder html) {
    boolean met = objective.outcome() == Outcome.MET;
    html.append("<section id=\"objective\"><h2>Objective</h2><div class=\"objective ")
        .append(met ? "pass" : "fail")
        .append("\"><p class=\"verdict\">")
        .append(met ? "✓ Objective met" : "✗ Objective not met")
        .append("</p><dl>");
    definition("Hypothesis", objective.hypothesis(), html);
    definition("Objective", objective.objective(), html);
    definition("Value", objective.value(), html);
    definition("Confidence interval", objective.ciText(), html);
    html.append("</dl></div></section>");
  }

  private static void definition(String term, String value, StringBuilder html) {
    html.append("<dt>")
        .append(Html.escape(term))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd>");
  }

  private static void happyPath(ReportModel model, StringBuilder html) {
    html.append("<section id=\"happy-path\"><h2>Happy path</h2>");
    if (model.happyPath().isEmpty()) {
      html.append("<p class=\"note\">No gate checks in this run.</p></section>");
      return;
    }
    long failed = model.happyPath().stream().filter(r -> r.status() == Status.FAIL).count();
    html.append("<p class=\"badge ")
        .append(
            failed == 0
                ? "pass\">✓ No gate check failed"
                : "fail\">✗ "
                    + failed
                    + (failed == 1 ? " gate check failed" : " gate checks failed"))
        .append("</p><div class=\"table-wrap\"><table class=\"data happy-path\"><thead><tr>")
        .append("<th>Metric</th><th class=\"num\">Offline</th><th class=\"num\">Live</th>")
        .append("<th class=\"num\">Champion</th><th>Threshold</th><th class=\"status\">Status</th>")
        .append("</tr></thead><tbody>");
    for (HappyPathRow row : model.happyPath()) {
      html.append("<tr><td>")
          .append(Html.escape(row.metric()))
          .append("</td><td class=\"num\">")
          .append(Html.escape(row.offline()))
          .append("</td><td class=\"num\">")
          .append(Html.escape(row.live()))
          .append("</td><td class=\"num\">")
          .append(Html.escape(row.champion()))
          .append("</td><td>")
          .append(Html.escape(row.threshold()))
          .append("</td><td class=\"status ")
          .append(row.status().name().toLowerCase(Locale.ROOT))
          .append("\" title=\"")
          .append(row.status().name())
          .append("\">")
          .append(row.status().symbol())
          .append("</td></tr>");
    }
    html.append("</tbody></table></div></section>");
  }

  private static void section(Section section, String id, StringBuilder html) {
    html.append("<section id=\"")
        .append(id)
        .append("\"><h2>")
        .append(Html.escape(section.title()))
        .append("</h2>");
    for (String note : section.notes()) {
      html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
    }
    for (Table table : section.tables()) {
      HtmlTable.render(table, html);
    }
    if (!section.plots().isEmpty()) {
      // Learned shapes are small multiples: a denser grid.
      boolean small = section.plots().stream().allMatch(p -> p instanceof ShapePlot);
      html.append(small ? "<div class=\"plots shapes\">" : "<div class=\"plots\">");
      for (Plot plot : section.plots()) {
        html.append("<figure><figcaption>")
            .append(Html.escape(plot.title()))
            .append("</figcaption>")
            .append(SvgPlot.render(plot));
        if (plot instanceof ShapePlot shape) {
          for (String note : shape.notes()) {
            html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
          }
        }
        html.append("</figure>");
      }
      html.append("</div>");
    }
    html.append("</section>");
  }

  private static void lineage(ReportModel model, StringBuilder html) {
    html.append("<section id=\"lineage\"><h2>Lineage</h2><div class=\"table-wrap\">")
        .append("<table class=\"lineage\"><tbody>");
    for (LineageEntry entry : model.lineage()) {
      html.append("<tr><th scope=\"row\">")
          .append(Html.escape(entry.key()))
          .append("</th><td>")
          .append(Html.escape(entry.value()))
          .append("</td></tr>");
    }
    html.append("</tbody></table></div></section>");
  }

  /** A CSP source expression for an inline element whose text is exactly {@code text}. */
  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name + " next to ReportWriter");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + name, e);
    }
  }
}
