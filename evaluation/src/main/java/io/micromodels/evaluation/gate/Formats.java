package io.micromodels.evaluation.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the gate writes numbers: measured values to 3 decimals, configured numbers as written. */
final class Formats {
  /** Shown for a value that is absent: no live scores, no champion. */
  static final String ABSENT = "-";

  private static final String MINUS = "−";

  private Formats() {}

  /** A measured value or difference: 3 decimals, or 2 significant digits when that shows 0. */
  static String value(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }

    if (value != 0 && Math.abs(value) < 0.0005) {
      return new BigDecimal(value).round(new MathContext(2)).toPlainString();
    }

    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A value that may be absent (null or NaN). */
  static String optional(Double value) {
    return value == null || value.isNaN() ? ABSENT : value(value);
  }

  /** A configured threshold, with at least 2 decimals: 0.7 → "0.70", 0.005 → "0.005". */
  static String threshold(double threshold) {
    BigDecimal decimal = BigDecimal.valueOf(threshold).stripTrailingZeros();
    return (decimal.scale() < 2 ? decimal.setScale(2) : decimal).toPlainString();
  }

  /** A change with its sign, the minus as U+2212: "+0.013", "−0.002". */
  static String signedValue(double change) {
    return sign(change) + value(Math.abs(change));
  }

  /** A configured change with its sign: "+0.01", "−0.01". */
  static String signedThreshold(double change) {
    return sign(change) + threshold(Math.abs(change));
  }

  /** A confidence level as a percentage: 0.95 → "95%", 0.975 → "97.5%". */
  static String level(double level) {
    return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static String sign(double change) {
    return change < 0 ? MINUS : "+";
  }
}
