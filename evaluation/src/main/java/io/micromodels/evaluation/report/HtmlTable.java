package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.Table;
import java.util.List;
import java.util.regex.Pattern;

/** Renders a {@link Table}; columns of numbers are right-aligned in tabular figures. */
final class HtmlTable {
  /** A plain number as the lead formats one: 0.8123, -12, 1,234.5, 1.2e-5, 3.4%, +0.013. */
  private static final Pattern NUMBER =
      Pattern.compile("[-+−]?(\\d{1,3}(,\\d{3})+|\\d+)?(\\.\\d+)?([eE][-+]?\\d+)?%?");

  private HtmlTable() {}

  static void render(Table table, StringBuilder html) {
    boolean[] numeric = numericColumns(table);
    html.append("<div class=\"table-wrap\"><table class=\"data\"><caption>")
        .append(Html.escape(table.caption()))
        .append("</caption><thead><tr>");
    for (int c = 0; c < table.columns().size(); c++) {
      html.append(cellOpen("th", numeric[c]))
          .append(Html.escape(table.columns().get(c)))
          .append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (List<String> row : table.rows()) {
      html.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        html.append(cellOpen("td", numeric[c])).append(Html.escape(row.get(c))).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table></div>");
  }

  static String cellOpen(String tag, boolean numeric) {
    return numeric ? "<" + tag + " class=\"num\">" : "<" + tag + ">";
  }

  /** A column is numeric when it has a number and every other cell is missing ("-"). */
  static boolean[] numericColumns(Table table) {
    boolean[] numeric = new boolean[table.columns().size()];
    for (int c = 0; c < numeric.length; c++) {
      boolean anyNumber = false;
      boolean allNumberOrMissing = true;
      for (List<String> row : table.rows()) {
        String cell = row.get(c);
        if (isMissing(cell)) {
          continue;
        }
        boolean number = isNumber(cell);
        anyNumber |= number;
        allNumberOrMissing &= number;
      }
      numeric[c] = anyNumber && allNumberOrMissing;
    }
    return numeric;
  }

  static boolean isNumber(String cell) {
    String trimmed = cell.trim();
    return !trimmed.isEmpty()
        && trimmed.chars().anyMatch(Character::isDigit)
        && NUMBER.matcher(trimmed).matches();
  }

  private static boolean isMissing(String cell) {
    return cell == null || cell.isBlank() || cell.trim().equals(ReportFormat.MISSING);
  }
}
