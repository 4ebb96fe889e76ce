package io.micromodels.evaluation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A plot axis with "nice" bounds and ticks (steps of 1, 2 or 5 times a power of ten) covering the
 * data range, and the pixel mapping onto {@code from..to}.
 */
record Axis(double min, double max, double step, double from, double to) {
  private static final int TARGET_TICKS = 5;

  /** An axis covering {@code lo..hi}, drawn from pixel {@code from} to pixel {@code to}. */
  static Axis covering(double lo, double hi, double from, double to) {
    if (!(hi > lo)) {
      // One value (or none): show a unit around it so the point is not on the frame.
      double centre = Double.isFinite(lo) ? lo : 0;
      lo = centre == 0 ? 0 : centre - Math.abs(centre) / 2;
      hi = centre == 0 ? 1 : centre + Math.abs(centre) / 2;
    }
    double step = niceStep((hi - lo) / TARGET_TICKS);
    double min = Math.floor(lo / step + 1e-9) * step;
    double max = Math.ceil(hi / step - 1e-9) * step;
    return new Axis(min, max, step, from, to);
  }

  static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double normalised = rough / magnitude;
    double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
    return nice * magnitude;
  }

  /** The pixel position of {@code value}. */
  double pixel(double value) {
    return from + (value - min) / (max - min) * (to - from);
  }

  /** Tick values from min to max inclusive. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round((max - min) / step);
    for (long i = 0; i <= count; i++) {
      ticks.add(min + i * step);
    }
    return ticks;
  }

  /** A tick label with as many decimals as the step needs ({@code 0.2}, {@code 250}). */
  String label(double tick) {
    int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
    BigDecimal rounded = BigDecimal.valueOf(tick).setScale(decimals, RoundingMode.HALF_UP);
    String text = rounded.toPlainString();
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }
}
