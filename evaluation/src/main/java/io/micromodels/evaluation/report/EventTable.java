package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-event comparison: an empty table shell plus the rows as JSON data, which the page's
 * script filters, sorts, renders with {@code textContent} and exports as CSV.
 */
final class EventTable {
  /** Rows the page puts into the DOM at most; search and CSV export still cover every row. */
  static final int RENDERED_ROW_CAP = 5_000;

  static final String DATA_ELEMENT_ID = "event-data";

  /** A column: CSV header key, header label, numeric (sorted as numbers, right-aligned). */
  record Column(String key, String label, boolean numeric) {}

  static final List<Column> COLUMNS =
      List.of(
          new Column("event_id", "Event", false),
          new Column("customer_id", "Customer", false),
          new Column("email", "Email", false),
          new Column("score", "Score", true),
          new Column("champion_score", "Champion score", true),
          new Column("abs_diff", "Abs diff", true),
          new Column("action", "Action", false),
          new Column("champion_action", "Champion action", false));

  private EventTable() {}

  static void render(List<EventRow> events, StringBuilder html) {
    html.append("<div class=\"controls\"><label for=\"event-search\">Search</label>")
        .append("<input type=\"search\" id=\"event-search\" placeholder=\"Any cell, e.g. a")
        .append(" customer id or PREVENT\" autocomplete=\"off\" spellcheck=\"false\">")
        .append("<button type=\"button\" id=\"download-csv\">Download CSV</button>")
        .append("<span id=\"event-status\" class=\"status\" aria-live=\"polite\"></span></div>")
        .append("<p class=\"note\">")
        .append(events.isEmpty() ? "No events. " : "")
        .append(String.format(Locale.ROOT, "The page shows at most %,d rows;", RENDERED_ROW_CAP))
        .append(" search and Download CSV cover every matching row, in the current order.")
        .append(" Click a column header to sort.</p>")
        .append("<noscript><p class=\"note\">Filtering, sorting and the table itself need")
        .append(" JavaScript; scores.csv.gz holds the same rows.</p></noscript>")
        .append("<div class=\"table-wrap tall\"><table class=\"data events\" id=\"event-table\">")
        .append("<thead><tr>");
    for (int c = 0; c < COLUMNS.size(); c++) {
      Column column = COLUMNS.get(c);
      html.append("<th")
          .append(column.numeric() ? " class=\"num sortable\"" : " class=\"sortable\"")
          .append(" data-column=\"")
          .append(c)
          .append("\" aria-sort=\"none\" tabindex=\"0\">")
          .append(Html.escape(column.label()))
          .append("<span class=\"sort-indicator\"></span></th>");
    }
    html.append("</tr></thead><tbody></tbody></table></div>")
        .append("<script type=\"application/json\" id=\"")
        .append(DATA_ELEMENT_ID)
        .append("\">")
        .append(ScriptJson.of(data(events)))
        .append("</script>");
  }

  private static Map<String, Object> data(List<EventRow> events) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cap", RENDERED_ROW_CAP);
    // Ordered maps: Map.of iterates in an order that changes from JVM to JVM, and the report's
    // bytes (and its SHA-256 in the manifest) changed with it.
    data.put(
        "columns",
        COLUMNS.stream()
            .map(
                c -> {
                  Map<String, Object> column = new LinkedHashMap<>();
                  column.put("key", c.key());
                  column.put("label", c.label());
                  column.put("numeric", c.numeric());
                  return column;
                })
            .toList());
    List<List<Object>> rows = new ArrayList<>(events.size());
    for (EventRow e : events) {
      rows.add(
          Arrays.asList(
              e.eventId(),
              e.customerId(),
              e.email(),
              e.score(),
              e.championScore(),
              e.absDiff(),
              e.action(),
              e.championAction()));
    }
    data.put("rows", rows);
    return data;
  }
}
