package io.micromodels.evaluation.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How the report writes numbers, so the lead's preformatted cells can match the page's own. */
public final class ReportFormat {
  /** What a missing value reads as. */
  public static final String MISSING = "-";

  private ReportFormat() {}

  /** Four decimals ({@code 0.8123}), or {@link #MISSING} for null or a non-finite value. */
  public static String number(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** A share as a percentage with two decimals ({@code 1.25%}), or {@link #MISSING}. */
  public static String percent(Double share) {
    if (share == null || !Double.isFinite(share)) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }

  /**
   * The shortest decimal that reads back as the same double, without exponent ({@code 0.1}, {@code
   * 42}): the data files' form, locale-independent.
   */
  static String exact(double value) {
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }
}
