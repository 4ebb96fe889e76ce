package io.micromodels.evaluation.report;

import java.util.List;

/** RFC 4180 records: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF. */
final class Csv {
  private Csv() {
  }

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

  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
