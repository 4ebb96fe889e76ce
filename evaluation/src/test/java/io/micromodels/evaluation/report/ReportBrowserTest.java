package io.micromodels.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real headless Chromium (Debian {@code chromium} + {@code chromium-driver}):
 * skipped when they are missing, unless {@code MICROMODELS_BROWSER_TESTS=required} (CI).
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final int SCORE = 3;
  private static final int CHAMPION_SCORE = 4;
  private static final String ROWS_SCRIPT =
      "return Array.from(document.querySelectorAll("
          + "'#event-table tbody tr')).map(tr => Array.from(tr.cells).map(td => td.textContent));";

  /**
   * What hostile strings look like in each context the page has: element text, attribute values,
   * the event data's JSON script, inline SVG (XML, CDATA), the title, a link target, templates.
   * Every one would set {@code window.__pwned} (or hide the page) if it ever ran.
   */
  private static final List<String> PAYLOADS =
      List.of(
          "<script>window.__pwned=1</script>",
          "\"><img src=x onerror=\"window.__pwned=2\">",
          "'><svg onload='window.__pwned=3'>",
          "</script><script>window.__pwned=4</script>",
          "javascript:window.__pwned=5",
          "<a href=\"javascript:window.__pwned=6\">click me</a>",
          "]]><img src=x onerror=window.__pwned=7><![CDATA[",
          "<!-- <style>body{display:none}</style>",
          "</title></svg><iframe src=\"javascript:window.__pwned=8\"></iframe>",
          "${window.__pwned=9}{{constructor.constructor('window.__pwned=10')()}}",
          "\u2028\u2029</textarea><math><mtext><img src=x onerror=window.__pwned=11>");

  /** Elements and attributes the page never makes itself: had one come from data, it is listed. */
  private static final String FOREIGN_MARKUP =
      "const found = [];"
          + "for (const e of document.querySelectorAll('*')) {"
          + "  for (const a of e.attributes) {"
          + "    if (a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)) {"
          + "      found.push(e.tagName + ' ' + a.name + '=' + a.value); } } }"
          + "for (const e of document.querySelectorAll('img, iframe, object, embed, math, textarea,"
          + " foreignObject, svg svg, a:not([href^=\"#\"])')) { found.push(e.outerHTML); }"
          + "const scripts = document.querySelectorAll('script');"
          + "if (scripts.length !== 2 || scripts[0].type !== 'application/json') {"
          + "  found.push(scripts.length + ' scripts'); }"
          + "if (document.querySelectorAll('style').length !== 1) { found.push('a second style'); }"
          + "return found;";

  private final List<EventRow> events = ReportSamples.events(30);

  @TempDir Path dir;

  @BeforeEach
  void requireBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "required".equals(System.getenv("MICROMODELS_BROWSER_TESTS"))) {
      fail(
          "MICROMODELS_BROWSER_TESTS=required but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present,
        "no "
            + CHROMIUM
            + "/"
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver); set MICROMODELS_BROWSER_TESTS=required"
            + " to fail instead");
  }

  @Test
  void reportFiltersSortsExportsAndRunsNoEventData() throws Exception {
    Path page = dir.resolve("report.html");
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    ReportWriter.write(ReportSamples.model(events), page);
    try (ChromeSession browser =
        ChromeSession.start(CHROMEDRIVER, CHROMIUM, downloads, dir.resolve("chromedriver.log"))) {
      browser.navigate(page.toUri().toString());

      assertThat(
              texts(
                  browser.execute(
                      "return Array.from(document.querySelectorAll("
                          + "'table.happy-path td.status')).map(td => td.textContent);")))
          .containsExactly("✓", "✓", "✗", "✓", "✓", "–");
      List<List<String>> all = rows(browser);
      assertThat(all).extracting(r -> r.get(0)).containsExactlyElementsOf(ids(events));
      assertThat(all)
          .extracting(r -> r.get(2))
          .contains(ReportSamples.SCRIPT_EMAIL, ReportSamples.IMG_EMAIL, ReportSamples.FLAG_EMAIL);
      assertNothingRan(browser, all);

      String scoreHeader = browser.find("#event-table th[data-column='" + SCORE + "']");
      browser.click(scoreHeader);
      assertThat(ids(rows(browser)))
          .containsExactlyElementsOf(
              ids(sorted(events, EventRow::score, Comparator.naturalOrder())));
      browser.click(scoreHeader);
      assertThat(ids(rows(browser)))
          .containsExactlyElementsOf(
              ids(sorted(events, EventRow::score, Comparator.reverseOrder())));

      // Upper case: the search is case-insensitive. cust-5 holds ev-005, whose email has a quote.
      browser.sendKeys(browser.find("#event-search"), "CUST-5");
      List<EventRow> matching =
          events.stream().filter(e -> e.customerId().equals("cust-5")).toList();
      assertThat(matching).extracting(EventRow::eventId).contains("ev-005", "ev-014");
      assertThat(ids(rows(browser))).containsExactlyInAnyOrderElementsOf(ids(matching));

      String championHeader = browser.find("#event-table th[data-column='" + CHAMPION_SCORE + "']");
      browser.click(championHeader);
      List<EventRow> ascending =
          sorted(matching, EventRow::championScore, Comparator.naturalOrder());
      assertThat(ids(rows(browser))).containsExactlyElementsOf(ids(ascending));
      assertThat(ascending.get(ascending.size() - 1).championScore()).isNull();
      browser.click(championHeader);
      List<EventRow> descending =
          sorted(matching, EventRow::championScore, Comparator.reverseOrder());
      assertThat(ids(rows(browser))).containsExactlyElementsOf(ids(descending));
      assertThat(descending.get(descending.size() - 1).championScore()).isNull();

      browser.click(browser.find("#download-csv"));
      List<List<String>> csv =
          CsvRecords.parse(awaitDownload(downloads.resolve("scores-filtered.csv")));
      assertThat(csv.get(0))
          .containsExactly(
              "event_id",
              "customer_id",
              "email",
              "score",
              "champion_score",
              "abs_diff",
              "action",
              "champion_action");
      assertThat(csv.subList(1, csv.size())).hasSize(descending.size());
      for (int i = 0; i < descending.size(); i++) {
        assertCsvRow(csv.get(i + 1), descending.get(i));
      }
      assertNothingRan(browser, rows(browser));
    }
  }

  @Test
  void pageRendersAtMostTheCapButExportsEveryMatchingRow() throws Exception {
    int count = EventTable.RENDERED_ROW_CAP + 40;
    Path page = dir.resolve("large.html");
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    ReportWriter.write(ReportSamples.model(ReportSamples.events(count)), page);
    try (ChromeSession browser =
        ChromeSession.start(CHROMEDRIVER, CHROMIUM, downloads, dir.resolve("chromedriver.log"))) {
      browser.navigate(page.toUri().toString());
      assertThat(
              browser
                  .execute("return document.querySelectorAll('#event-table tbody tr')" + ".length;")
                  .asInt())
          .isEqualTo(EventTable.RENDERED_ROW_CAP);
      assertThat(
              browser
                  .execute("return document.getElementById('event-status').textContent;")
                  .asText())
          .isEqualTo(count + " of " + count + " events match; showing the first 5,000");
      browser.click(browser.find("#download-csv"));
      List<List<String>> csv =
          CsvRecords.parse(awaitDownload(downloads.resolve("scores-filtered.csv")));
      assertThat(csv).hasSize(count + 1);
      assertThat(csv.get(count).get(0)).isEqualTo(String.format("ev-%03d", count));
    }
  }

  @Test
  void hostileStringsInEveryFieldAreShownAsTextAndNeverRun() throws Exception {
    Path page = dir.resolve("hostile.html");
    ReportWriter.write(ReportSamples.hostileModel(PAYLOADS), page);
    try (ChromeSession browser =
        ChromeSession.start(
            CHROMEDRIVER,
            CHROMIUM,
            Files.createDirectories(dir.resolve("downloads")),
            dir.resolve("chromedriver.log"))) {
      browser.navigate(page.toUri().toString());
      assertInert(browser);
      // The table is drawn again by the search: typing markup must not change that.
      browser.sendKeys(browser.find("#event-search"), "<");
      assertInert(browser);

      List<List<String>> rows = rows(browser);
      assertThat(rows)
          .isNotEmpty()
          .allSatisfy(row -> assertThat(PAYLOADS).contains(row.get(0), row.get(1), row.get(2)));
    }
  }

  /** Nothing ran, no markup came from the data, every payload is on the page as text. */
  private static void assertInert(ChromeSession browser) throws IOException, InterruptedException {
    assertThat(browser.alertText()).isEmpty();
    assertThat(browser.execute("return typeof window.__pwned;").asText()).isEqualTo("undefined");
    assertThat(texts(browser.execute(FOREIGN_MARKUP))).isEmpty();
    String shown =
        browser
            .execute(
                "const body = document.body.cloneNode(true);"
                    + "body.querySelectorAll('script').forEach(s => s.remove());"
                    + "return document.title + ' ' + body.textContent;")
            .asText();
    for (String payload : PAYLOADS) {
      assertThat(shown).as("shown as text").contains(payload);
    }
  }

  /** No alert open, no flag set by a payload, hostile emails shown as literal text. */
  private void assertNothingRan(ChromeSession browser, List<List<String>> shown)
      throws IOException, InterruptedException {
    assertThat(browser.alertText()).isEmpty();
    assertThat(browser.execute("return typeof window.__pwned;").asText()).isEqualTo("undefined");
    assertThat(
            browser
                .execute(
                    "return document.querySelectorAll('#event-table img,"
                        + " #event-table script').length;")
                .asInt())
        .isZero();
    for (List<String> row : shown) {
      EventRow event =
          events.stream().filter(e -> e.eventId().equals(row.get(0))).findFirst().orElseThrow();
      assertThat(row.get(2)).isEqualTo(event.email() == null ? "-" : event.email());
    }
  }

  private static void assertCsvRow(List<String> fields, EventRow expected) {
    assertThat(fields).hasSize(8);
    String email =
        expected.email() == null
            ? ""
            : expected.email().equals(ReportSamples.FORMULA_EMAIL)
                ? "'" + expected.email()
                : expected.email();
    assertThat(fields.subList(0, 3))
        .as("a formula is exported as text")
        .containsExactly(expected.eventId(), expected.customerId(), email);
    assertThat(Double.parseDouble(fields.get(3))).isEqualTo(expected.score());
    assertThat(fields.get(4).isEmpty() ? null : Double.valueOf(fields.get(4)))
        .isEqualTo(expected.championScore());
    assertThat(fields.get(5).isEmpty() ? null : Double.valueOf(fields.get(5)))
        .isEqualTo(expected.absDiff());
    assertThat(fields.subList(6, 8))
        .containsExactly(
            expected.action(), expected.championAction() == null ? "" : expected.championAction());
  }

  private static String awaitDownload(Path file) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(ChromeSession.MAX_WAIT);
    Path partial = file.resolveSibling(file.getFileName() + ".crdownload");
    while (Instant.now().isBefore(deadline)) {
      if (Files.isRegularFile(file) && !Files.exists(partial) && Files.size(file) > 0) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("no " + file + " within " + ChromeSession.MAX_WAIT);
  }

  /** The page's order: by key, missing keys last either way, ties in original order. */
  private static <T extends Comparable<T>> List<EventRow> sorted(
      List<EventRow> rows, Function<EventRow, T> key, Comparator<T> direction) {
    return rows.stream()
        .sorted(Comparator.comparing(key, Comparator.nullsLast(direction)))
        .toList();
  }

  private static List<List<String>> rows(ChromeSession browser)
      throws IOException, InterruptedException {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : browser.execute(ROWS_SCRIPT)) {
      rows.add(texts(row));
    }
    return rows;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> ids(List<?> rows) {
    return rows.stream()
        .map(r -> r instanceof EventRow e ? e.eventId() : ((List<?>) r).get(0).toString())
        .map(s -> s.toLowerCase(Locale.ROOT))
        .toList();
  }
}
