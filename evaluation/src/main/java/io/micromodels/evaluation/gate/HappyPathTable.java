package io.micromodels.evaluation.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The happy-path table (issue 5, item 4): metric | offline | live | champion | bound | status, for
 * the terminal and as JSON rows for {@code metrics.json}, the manifest and the report.
 */
public final class HappyPathTable {
  private static final List<Column> COLUMNS =
      List.of(
          new Column("metric", GateCheck::metric),
          new Column("offline", c -> Formats.optional(c.offline())),
          new Column("live", c -> Formats.optional(c.live())),
          new Column("champion", c -> Formats.optional(c.champion())),
          new Column("bound", GateCheck::bound),
          new Column("status", c -> c.status().symbol()));
  private static final String GAP = "  ";

  private HappyPathTable() {}

  /**
   * The table as fixed-width text lines, then a verdict line, then one line per failure and per
   * check that was not checked, each with its reason. Values absent (no live scores, no champion)
   * show as "-".
   */
  public static String render(GateResult result) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(COLUMNS.stream().map(Column::header).toList());
    for (GateCheck check : result.checks()) {
      cells.add(COLUMNS.stream().map(c -> c.cell().apply(check)).toList());
    }

    int[] widths = new int[COLUMNS.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }

    StringBuilder out = new StringBuilder();
    for (List<String> row : cells) {
      out.append(line(row, widths)).append('\n');
    }

    out.append(verdict(result)).append('\n');
    for (GateCheck check : result.checks()) {
      if (check.status() != CheckStatus.PASS) {
        out.append(GAP)
            .append(check.status().symbol())
            .append(' ')
            .append(check.name())
            .append(": ")
            .append(check.reason())
            .append('\n');
      }
    }

    return out.toString();
  }

  /**
   * One JSON-ready row per check, with snake_case keys in this order: name, metric, value (the
   * offline value), live, champion, threshold, bound, passed, status ("pass", "fail",
   * "not_checked"), reason. Absent values and {@code passed} of a check that was not checked are
   * null. DESIGN.md §3.5's gate check is the {@code name, value, threshold, passed} subset.
   */
  public static List<Map<String, Object>> rows(GateResult result) {
    return result.checks().stream().map(HappyPathTable::row).toList();
  }

  private static Map<String, Object> row(GateCheck check) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", check.name());
    row.put("metric", check.metric());
    row.put("value", check.offline());
    row.put("live", check.live());
    row.put("champion", check.champion());
    row.put("threshold", check.threshold());
    row.put("bound", check.bound());
    row.put("passed", check.status() == CheckStatus.NOT_CHECKED ? null : !check.isFailed());
    row.put("status", check.status().name().toLowerCase(Locale.ROOT));
    row.put("reason", check.reason());
    // Not Map.copyOf: JSON needs the nulls and a stable key order.
    return Collections.unmodifiableMap(row);
  }

  /** "Gate passed: 3 of 5 checks passed, 2 not checked" or "Gate failed: 1 of 5 checks failed". */
  private static String verdict(GateResult result) {
    int notChecked = result.withStatus(CheckStatus.NOT_CHECKED).size();
    String of = " of " + result.checks().size() + " checks ";
    String unchecked = notChecked == 0 ? "" : ", " + notChecked + " not checked";
    return result.passed()
        ? "Gate passed: " + result.withStatus(CheckStatus.PASS).size() + of + "passed" + unchecked
        : "Gate failed: " + result.failures().size() + of + "failed" + unchecked;
  }

  private static String line(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String cell = row.get(i);
      line.append(cell);
      if (i < row.size() - 1) {
        line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
      }
    }

    return line.toString();
  }

  private record Column(String header, Function<GateCheck, String> cell) {}
}
