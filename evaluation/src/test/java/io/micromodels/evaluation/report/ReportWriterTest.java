package io.micromodels.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import io.micromodels.evaluation.report.ReportModel.LineageEntry;
import io.micromodels.evaluation.report.ReportModel.Section;
import io.micromodels.evaluation.report.ReportModel.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWriterTest {
  private static final String HOSTILE_CONFIG = "</td><script>alert(2)</script>";
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  private final List<EventRow> events = withLineSeparatorEmail(ReportSamples.events(30));
  private final String html = ReportWriter.render(hostileConfig(ReportSamples.model(events)));

  @Test
  void hostileEmailsAppearOnlyEscaped() {
    assertThat(html)
        .doesNotContain(
            ReportSamples.SCRIPT_EMAIL,
            ReportSamples.IMG_EMAIL,
            ReportSamples.FLAG_EMAIL,
            HOSTILE_CONFIG,
            "<img",
            "alert(2)</script>",
            "\u2028");
    assertThat(html)
        .contains(
            "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
            "\\\"\\u003e\\u003cimg src=x onerror=alert(1)\\u003e",
            "&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    // The page's script and the event data are the only script elements.
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(2);
  }

  @Test
  void embeddedEventDataParsesBackToTheRows() throws Exception {
    Matcher data =
        Pattern.compile(
                "<script type=\"application/json\" id=\"event-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(data.find()).isTrue();
    JsonNode rows = new ObjectMapper().readTree(data.group(1)).path("rows");
    assertThat(rows).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      EventRow event = events.get(i);
      JsonNode row = rows.get(i);
      assertThat(row.get(0).asText()).isEqualTo(event.eventId());
      assertThat(row.get(2).isNull() ? null : row.get(2).asText()).isEqualTo(event.email());
      assertThat(row.get(3).asDouble()).isEqualTo(event.score());
      assertThat(row.get(4).isNull() ? null : row.get(4).asDouble())
          .isEqualTo(event.championScore());
    }
  }

  @Test
  void everySvgIsWellFormedXmlWithAxesAndLegend() throws Exception {
    List<String> svgs = SVG.matcher(html).results().map(MatchResult::group).toList();
    assertThat(svgs).hasSize(4);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (String svg : svgs) {
      Document document =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(document.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.w3.org/2000/svg");
      assertThat(document.getElementsByTagName("text").getLength()).isGreaterThan(10);
      assertThat(svg).contains(">candidate</text>", ">champion</text>");
    }
    assertThat(svgs.get(2)).contains("class=\"reference\"", "perfectly calibrated");
    assertThat(svgs.get(0)).doesNotContain("class=\"reference\"");
  }

  @Test
  void pageFetchesNothing() {
    String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutSvgNamespace)
        .doesNotContain(
            "http://",
            "https://",
            "<link",
            "@import",
            "url(",
            "<script src",
            "<iframe",
            "<object",
            "<embed",
            "fetch(",
            "XMLHttpRequest",
            "sendBeacon",
            "WebSocket");
    assertThat(html).contains("default-src 'none'");
  }

  @Test
  void policyAllowsExactlyThePagesOwnScriptAndStyle() throws Exception {
    String script = between(html, "<script>", "</script></body>");
    String style = between(html, "<style>", "</style>");
    assertThat(html)
        .contains(
            "script-src 'sha256-" + sha256(script) + "'",
            "style-src 'sha256-" + sha256(style) + "'");
  }

  @Test
  void happyPathShowsStatusSymbolsAndMissingValuesAsDash() {
    String table = between(html, "<table class=\"data happy-path\">", "</table>");
    assertThat(
            Pattern.compile("<td class=\"status [a-z_]+\" title=\"([A-Z_]+)\">(.)</td>")
                .matcher(table)
                .results()
                .map(m -> m.group(1) + " " + m.group(2))
                .toList())
        .containsExactly("PASS ✓", "PASS ✓", "FAIL ✗", "PASS ✓", "PASS ✓", "NOT_CHECKED –");
    assertThat(table)
        .contains(
            "<td>Action change rate</td><td class=\"num\">6.20%</td>" + "<td class=\"num\">-</td>");
    assertThat(html).contains("✗ 1 gate check failed");
  }

  @Test
  void numericColumnsAreRightAlignedAndTextColumnsAreNot() {
    String table = between(html, "<caption>Candidate</caption>", "</table>");
    assertThat(table)
        .contains(
            "<th>Fold</th><th>Test window</th><th class=\"num\">Events</th>",
            "<td>overall</td><td>2026-08-01..2026-09-30</td><td class=\"num\">25,482</td>",
            "<td class=\"num\">98.2%</td>");
  }

  @Test
  void writeStoresTheRenderedPage(@TempDir Path dir) throws Exception {
    ReportModel model = ReportSamples.model(events);
    Path file = dir.resolve("report.html");
    ReportWriter.write(model, file);
    assertThat(Files.readString(file)).isEqualTo(ReportWriter.render(model));
  }

  @Test
  void emptyPartsSayWhatIsMissing() {
    ReportModel full = ReportSamples.model(events);
    String page =
        ReportWriter.render(
            new ReportModel(full.header(), null, List.of(), List.of(), List.of(), List.of()));
    assertThat(page)
        .contains("No gate checks in this run.", "No events. ", "\"rows\":[]")
        .doesNotContain("id=\"objective\"", "gate check failed", "<svg");
  }

  private static ReportModel hostileConfig(ReportModel model) {
    List<Section> sections = new ArrayList<>(model.sections());
    sections.add(
        new Section(
            HOSTILE_CONFIG,
            List.of(
                new Table(
                    HOSTILE_CONFIG, List.of(HOSTILE_CONFIG), List.of(List.of(HOSTILE_CONFIG))))));
    List<LineageEntry> lineage = new ArrayList<>(model.lineage());
    lineage.add(new LineageEntry("segment", HOSTILE_CONFIG));
    return new ReportModel(
        model.header(), model.objective(), model.happyPath(), sections, model.events(), lineage);
  }

  private static List<EventRow> withLineSeparatorEmail(List<EventRow> rows) {
    List<EventRow> copy = new ArrayList<>(rows);
    EventRow first = copy.get(0);
    copy.set(
        0,
        new EventRow(
            first.eventId(),
            first.customerId(),
            "a\u2028b\u2029c@example.com",
            first.score(),
            first.championScore(),
            first.absDiff(),
            first.action(),
            first.championAction()));
    return copy;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("'%s' in the page", start).isNotNegative();
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("'%s' after '%s'", end, start).isNotNegative();
    return text.substring(from + start.length(), to);
  }

  private static String sha256(String text) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
