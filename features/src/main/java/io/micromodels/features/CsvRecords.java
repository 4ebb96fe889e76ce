package io.micromodels.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells (RFC 4180: comma separator, double quotes, {@code ""} escapes). A
 * record must fit on one line: a quoted field that spans lines leaves an unterminated quote and the
 * line is rejected as malformed.
 */
public final class CsvRecords {
  private CsvRecords() {}

  /** The cells of a line, or null when the quoting is malformed. */
  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c != '"') {
          cell.append(c);
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
      } else if (c == '"' && cell.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (afterQuote || c == '"') {
        return null;
      } else {
        cell.append(c);
      }
    }

    if (quoted) {
      return null;
    }

    cells.add(cell.toString());
    return cells;
  }
}
