package io.micromodels.evaluation.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: CRLF record ends, double-quoted fields. */
final class CsvRecords {
  private CsvRecords() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
        continue;
      } else if (c == '\r' || c == '\n' || c == '"') {
        throw new IllegalArgumentException("Not RFC 4180 at offset " + i);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted || field.length() > 0 || !record.isEmpty()) {
      throw new IllegalArgumentException("The last record does not end with CRLF");
    }
    return records;
  }
}
