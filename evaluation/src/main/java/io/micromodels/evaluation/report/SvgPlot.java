package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.Counts;
import io.micromodels.evaluation.report.ReportModel.CurvePlot;
import io.micromodels.evaluation.report.ReportModel.HistogramPlot;
import io.micromodels.evaluation.report.ReportModel.Plot;
import io.micromodels.evaluation.report.ReportModel.Reference;
import io.micromodels.evaluation.report.ReportModel.Series;
import io.micromodels.evaluation.report.ReportModel.ShapePlot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Plot} as a standalone SVG element (well-formed XML, no external references):
 * frame, grid, ticks, axis labels, legend, then the data.
 */
final class SvgPlot {
  /** Full-size plots (curves, histograms) and small multiples (learned shapes). */
  private static final int[] FULL = {520, 340, 64, 20, 44, 50, 11, 12};

  private static final int[] SMALL = {300, 210, 50, 18, 32, 40, 10, 11};

  /** A learned shape's second and later lines (the champion's) are dashed: they may coincide. */
  private static final String DASH = "6 3";

  /** Series up to this many points also get a marker per point (e.g. reliability bins). */
  private static final int MARKER_LIMIT = 30;

  /** Colour-blind-safe, distinguishable in greyscale print by order. */
  private static final List<String> PALETTE =
      List.of("#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2");

  private final StringBuilder svg = new StringBuilder(8192);
  private final int width;
  private final int height;
  private final int left;
  private final int right;
  private final int top;
  private final int bottom;
  private final int tickFont;
  private final int labelFont;

  /**
   * @param size width, height, left/right/top/bottom margins, tick and label font sizes
   */
  private SvgPlot(int[] size) {
    width = size[0];
    height = size[1];
    left = size[2];
    right = width - size[3];
    top = size[4];
    bottom = height - size[5];
    tickFont = size[6];
    labelFont = size[7];
  }

  /** The plot as an {@code <svg>} element. */
  static String render(Plot plot) {
    SvgPlot out = new SvgPlot(plot instanceof ShapePlot ? SMALL : FULL);
    if (plot instanceof CurvePlot curve) {
      out.curve(curve);
    } else if (plot instanceof HistogramPlot histogram) {
      out.histogram(histogram);
    } else if (plot instanceof ShapePlot shape) {
      out.shape(shape);
    }
    return out.svg.toString();
  }

  private void curve(CurvePlot plot) {
    double[] xs = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.x())).toArray();
    double[] ys = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).toArray();
    Axis x = Axis.covering(min(xs), max(xs), left, right);
    Axis y = Axis.covering(min(ys), max(ys), bottom, top);
    open(plot.title());
    axes(x, y, plot.xLabel(), plot.yLabel());
    if (plot.reference() != Reference.NONE) {
      double lo = Math.max(x.min(), y.min());
      double hi = Math.min(x.max(), y.max());
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"reference\" x1=\"%.1f\" y1=\"%.1f\""
                  + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\" stroke-width=\"1.2\""
                  + " stroke-dasharray=\"5 4\"/>",
              x.pixel(lo),
              y.pixel(lo),
              x.pixel(hi),
              y.pixel(hi)));
    }
    List<Series> series = plot.series();
    for (int i = 0; i < series.size(); i++) {
      line(series.get(i), x, y, colour(i), true, null);
    }
    legend(series.stream().map(Series::name).toList(), plot.reference().label());
    svg.append("</svg>");
  }

  /**
   * @param dash a stroke-dasharray, or null for a solid line
   */
  private void line(Series series, Axis x, Axis y, String colour, boolean markers, String dash) {
    double[] xv = series.x();
    double[] yv = series.y();
    StringBuilder points = new StringBuilder(xv.length * 12);
    for (int p = 0; p < xv.length; p++) {
      points.append(
          String.format(
              Locale.ROOT, "%s%.1f,%.1f", p == 0 ? "" : " ", x.pixel(xv[p]), y.pixel(yv[p])));
    }
    svg.append("<g class=\"series\"><title>")
        .append(Html.escape(series.name()))
        .append("</title>")
        .append("<polyline fill=\"none\" stroke=\"")
        .append(colour)
        .append(dash == null ? "" : "\" stroke-dasharray=\"" + dash)
        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"")
        .append(points)
        .append("\"/>");
    if (markers && xv.length <= MARKER_LIMIT) {
      for (int p = 0; p < xv.length; p++) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                x.pixel(xv[p]),
                y.pixel(yv[p]),
                colour));
      }
    }
    svg.append("</g>");
  }

  /**
   * A learned shape: its lines (no markers: a step curve's points are its corners; the second and
   * later dashed, so a champion that learned the same shape still shows) over an axis that includes
   * 0, with a dashed grey zero line (no contribution).
   */
  private void shape(ShapePlot plot) {
    double[] xs = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.x())).toArray();
    double[] ys = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).toArray();
    Axis x = Axis.covering(min(xs), max(xs), left, right);
    Axis y = Axis.covering(Math.min(0, min(ys)), Math.max(0, max(ys)), bottom, top);
    open(plot.title());
    axes(x, y, plot.xLabel(), plot.yLabel());
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"reference\" x1=\"%d\" y1=\"%.1f\""
                + " x2=\"%d\" y2=\"%.1f\" stroke=\"#9ca3af\" stroke-width=\"1\""
                + " stroke-dasharray=\"4 3\"/>",
            left,
            y.pixel(0),
            right,
            y.pixel(0)));
    List<Series> series = plot.series();
    for (int i = 0; i < series.size(); i++) {
      line(series.get(i), x, y, colour(i), false, i == 0 ? null : DASH);
    }
    svg.append("<g class=\"legend\" font-size=\"").append(labelFont).append("\" fill=\"#111827\">");
    double at = left;
    for (int i = 0; i < series.size(); i++) {
      at =
          legendItem(
              at,
              series.get(i).name(),
              "stroke=\""
                  + colour(i)
                  + "\" stroke-width=\"3\""
                  + (i == 0 ? "" : " stroke-dasharray=\"" + DASH + "\""));
    }
    svg.append("</g>");
    svg.append("</svg>");
  }

  private void histogram(HistogramPlot plot) {
    double[] edges = plot.binEdges();
    long highest =
        plot.series().stream().flatMapToLong(c -> Arrays.stream(c.counts())).max().orElse(0);
    Axis x = Axis.covering(edges[0], edges[edges.length - 1], left, right);
    Axis y = Axis.covering(0, Math.max(1, highest), bottom, top);
    open(plot.title());
    axes(x, y, plot.xLabel(), "count");
    List<Counts> series = plot.series();
    for (int s = 0; s < series.size(); s++) {
      long[] counts = series.get(s).counts();
      svg.append("<g class=\"series\" fill=\"")
          .append(colour(s))
          .append("\" fill-opacity=\"0.85\">");
      for (int bin = 0; bin < counts.length; bin++) {
        double binLeft = x.pixel(edges[bin]);
        double band = (x.pixel(edges[bin + 1]) - binLeft) * 0.86 / series.size();
        double barLeft = binLeft + (x.pixel(edges[bin + 1]) - binLeft) * 0.07 + s * band;
        double barTop = y.pixel(counts[bin]);
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                barLeft,
                barTop,
                Math.max(0.5, band),
                bottom - barTop));
        svg.append(
                Html.escape(
                    series.get(s).name()
                        + " "
                        + x.label(edges[bin])
                        + "–"
                        + x.label(edges[bin + 1])
                        + ": "
                        + counts[bin]))
            .append("</title></rect>");
      }
      svg.append("</g>");
    }
    legend(series.stream().map(Counts::name).toList(), null);
    svg.append("</svg>");
  }

  private void open(String title) {
    svg.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" role=\"img\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" font-family=\"system-ui, sans-serif\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>");
  }

  private void axes(Axis x, Axis y, String xLabel, String yLabel) {
    svg.append("<g class=\"grid\" stroke=\"#e5e7eb\" stroke-width=\"1\">");
    for (double t : x.ticks()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
              x.pixel(t),
              top,
              x.pixel(t),
              bottom));
    }
    for (double t : y.ticks()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
              left,
              y.pixel(t),
              right,
              y.pixel(t)));
    }
    svg.append("</g><rect x=\"")
        .append(left)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(right - left)
        .append("\" height=\"")
        .append(bottom - top)
        .append("\" fill=\"none\" stroke=\"#6b7280\"/>");
    svg.append("<g class=\"ticks\" font-size=\"").append(tickFont).append("\" fill=\"#374151\">");
    for (double t : x.ticks()) {
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                  x.pixel(t),
                  bottom + 16))
          .append(x.label(t))
          .append("</text>");
    }
    for (double t : y.ticks()) {
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
                  left - 6,
                  y.pixel(t) + 4))
          .append(y.label(t))
          .append("</text>");
    }
    svg.append("</g><g class=\"labels\" font-size=\"")
        .append(labelFont)
        .append("\" fill=\"#111827\">")
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
                (left + right) / 2,
                height - 12))
        .append(Html.escape(xLabel))
        .append("</text>")
        .append(
            String.format(
                Locale.ROOT,
                "<text transform=\"translate(%d %d) rotate(-90)\"" + " text-anchor=\"middle\">",
                Math.max(12, left - 48),
                (top + bottom) / 2))
        .append(Html.escape(yLabel))
        .append("</text></g>");
  }

  /** One row above the frame: a swatch and name per series, then the reference line if any. */
  private void legend(List<String> names, String referenceName) {
    svg.append("<g class=\"legend\" font-size=\"").append(labelFont).append("\" fill=\"#111827\">");
    double at = left;
    for (int i = 0; i < names.size(); i++) {
      at = legendItem(at, names.get(i), "stroke=\"" + colour(i) + "\" stroke-width=\"3\"");
    }
    if (referenceName != null) {
      legendItem(
          at, referenceName, "stroke=\"#9ca3af\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"");
    }
    svg.append("</g>");
  }

  private double legendItem(double at, String name, String stroke) {
    int y = top - 16;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" %s/>",
            at,
            y,
            at + 18,
            y,
            stroke));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">", at + 24, y + 4))
        .append(Html.escape(name))
        .append("</text>");
    // No text metrics without a browser: ~6.8 px per character at 12 px is close for system-ui.
    return at + 24 + name.length() * 6.8 * labelFont / 12 + 18;
  }

  private static String colour(int index) {
    return PALETTE.get(index % PALETTE.size());
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(1);
  }
}
