package io.micromodels.evaluation.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 records: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF. A text
 * field that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a CR;
 * OWASP's "CSV injection") is written with a leading apostrophe, which Excel and LibreOffice show
 * as text; numbers, negative ones included, are written as they are. Fraud teams open these files
 * in Excel, and customer ids and e-mails come from the clients' customers.
 */
final class Csv {
  private Csv() {}

  /** One record with its CRLF; a null field is written empty. */
  static String record(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append("\r\n").toString();
  }

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  static String field(String raw) {
    if (raw == null) {
      return "";
    }
    String value = defused(raw);
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\r') >= 0
            || value.indexOf('\n') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** The value with an apostrophe before a leading formula character, unless it is a number. */
  static String defused(String value) {
    boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    return formula && !NUMBER.matcher(value).matches() ? "'" + value : value;
  }
}
