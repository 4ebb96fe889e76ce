package io.micromodels.evaluation.report;

/** The one escaping function for everything the report writes into HTML or SVG. */
final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '} so the result is inert both as element text and inside a quoted
   * attribute value (HTML and XML alike); C0 control characters become U+FFFD; null becomes "-".
   */
  static String escape(String text) {
    if (text == null) {
      return ReportFormat.MISSING;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        // C0 controls are not allowed in XML (the SVG must parse) and mean nothing in a report.
        default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
