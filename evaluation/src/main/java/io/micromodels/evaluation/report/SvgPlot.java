package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.Counts;
import io.micromodels.evaluation.report.ReportModel.CurvePlot;
import io.micromodels.evaluation.report.ReportModel.HistogramPlot;
import io.micromodels.evaluation.report.ReportModel.Plot;
import io.micromodels.evaluation.report.ReportModel.Reference;
import io.micromodels.evaluation.report.ReportModel.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Plot} as a standalone SVG element (well-formed XML, no external references):
 * frame, grid, ticks, axis labels, legend, then the data.
 */
final class SvgPlot {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 340;
  private static final int LEFT = 64;
  private static final int RIGHT = WIDTH - 20;
  private static final int TOP = 44;
  private static final int BOTTOM = HEIGHT - 50;
  /** Series up to this many points also get a marker per point (e.g. reliability bins). */
  private static final int MARKER_LIMIT = 30;
  /** Colour-blind-safe, distinguishable in greyscale print by order. */
  private static final List<String> PALETTE =
      List.of("#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2");

  private final StringBuilder svg = new StringBuilder(8192);

  private SvgPlot() {
  }

  /** The plot as an {@code <svg>} element. */
  static String render(Plot plot) {
    SvgPlot out = new SvgPlot();
    if (plot instanceof CurvePlot curve) {
      out.curve(curve);
    } else if (plot instanceof HistogramPlot histogram) {
      out.histogram(histogram);
    }
    return out.svg.toString();
  }

  private void curve(CurvePlot plot) {
    double[] xs = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.x())).toArray();
    double[] ys = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).toArray();
    Axis x = Axis.covering(min(xs), max(xs), LEFT, RIGHT);
    Axis y = Axis.covering(min(ys), max(ys), BOTTOM, TOP);
    open(plot.title());
    axes(x, y, plot.xLabel(), plot.yLabel());
    if (plot.reference() != Reference.NONE) {
      double lo = Math.max(x.min(), y.min());
      double hi = Math.min(x.max(), y.max());
      svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%.1f\" y1=\"%.1f\""
          + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\" stroke-width=\"1.2\""
          + " stroke-dasharray=\"5 4\"/>", x.pixel(lo), y.pixel(lo), x.pixel(hi), y.pixel(hi)));
    }
    List<Series> series = plot.series();
    for (int i = 0; i < series.size(); i++) {
      line(series.get(i), x, y, colour(i));
    }
    legend(series.stream().map(Series::name).toList(),
        plot.reference().label());
    svg.append("</svg>");
  }

  private void line(Series series, Axis x, Axis y, String colour) {
    double[] xv = series.x();
    double[] yv = series.y();
    StringBuilder points = new StringBuilder(xv.length * 12);
    for (int p = 0; p < xv.length; p++) {
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", p == 0 ? "" : " ",
          x.pixel(xv[p]), y.pixel(yv[p])));
    }
    svg.append("<g class=\"series\"><title>").append(Html.escape(series.name())).append("</title>")
        .append("<polyline fill=\"none\" stroke=\"").append(colour)
        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(points)
        .append("\"/>");
    if (xv.length <= MARKER_LIMIT) {
      for (int p = 0; p < xv.length; p++) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
            x.pixel(xv[p]), y.pixel(yv[p]), colour));
      }
    }
    svg.append("</g>");
  }

  private void histogram(HistogramPlot plot) {
    double[] edges = plot.binEdges();
    long highest = plot.series().stream().flatMapToLong(c -> Arrays.stream(c.counts()))
        .max().orElse(0);
    Axis x = Axis.covering(edges[0], edges[edges.length - 1], LEFT, RIGHT);
    Axis y = Axis.covering(0, Math.max(1, highest), BOTTOM, TOP);
    open(plot.title());
    axes(x, y, plot.xLabel(), "count");
    List<Counts> series = plot.series();
    for (int s = 0; s < series.size(); s++) {
      long[] counts = series.get(s).counts();
      svg.append("<g class=\"series\" fill=\"").append(colour(s)).append("\" fill-opacity=\"0.85\">");
      for (int bin = 0; bin < counts.length; bin++) {
        double left = x.pixel(edges[bin]);
        double band = (x.pixel(edges[bin + 1]) - left) * 0.86 / series.size();
        double barLeft = left + (x.pixel(edges[bin + 1]) - left) * 0.07 + s * band;
        double top = y.pixel(counts[bin]);
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>", barLeft, top,
            Math.max(0.5, band), BOTTOM - top));
        svg.append(Html.escape(series.get(s).name() + " " + x.label(edges[bin]) + "–"
            + x.label(edges[bin + 1]) + ": " + counts[bin])).append("</title></rect>");
      }
      svg.append("</g>");
    }
    legend(series.stream().map(Counts::name).toList(), null);
    svg.append("</svg>");
  }

  private void open(String title) {
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" font-family=\"system-ui, sans-serif\">")
        .append("<title>").append(Html.escape(title)).append("</title>");
  }

  private void axes(Axis x, Axis y, String xLabel, String yLabel) {
    svg.append("<g class=\"grid\" stroke=\"#e5e7eb\" stroke-width=\"1\">");
    for (double t : x.ticks()) {
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
          x.pixel(t), TOP, x.pixel(t), BOTTOM));
    }
    for (double t : y.ticks()) {
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
          LEFT, y.pixel(t), RIGHT, y.pixel(t)));
    }
    svg.append("</g><rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(RIGHT - LEFT).append("\" height=\"").append(BOTTOM - TOP)
        .append("\" fill=\"none\" stroke=\"#6b7280\"/>");
    svg.append("<g class=\"ticks\" font-size=\"11\" fill=\"#374151\">");
    for (double t : x.ticks()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
          x.pixel(t), BOTTOM + 16)).append(x.label(t)).append("</text>");
    }
    for (double t : y.ticks()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
          LEFT - 6, y.pixel(t) + 4)).append(y.label(t)).append("</text>");
    }
    svg.append("</g><g class=\"labels\" font-size=\"12\" fill=\"#111827\">")
        .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
            (LEFT + RIGHT) / 2, HEIGHT - 12)).append(Html.escape(xLabel)).append("</text>")
        .append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\""
            + " text-anchor=\"middle\">", (TOP + BOTTOM) / 2)).append(Html.escape(yLabel))
        .append("</text></g>");
  }

  /** One row above the frame: a swatch and name per series, then the reference line if any. */
  private void legend(List<String> names, String referenceName) {
    svg.append("<g class=\"legend\" font-size=\"12\" fill=\"#111827\">");
    double at = LEFT;
    for (int i = 0; i < names.size(); i++) {
      at = legendItem(at, names.get(i), "stroke=\"" + colour(i) + "\" stroke-width=\"3\"");
    }
    if (referenceName != null) {
      legendItem(at, referenceName,
          "stroke=\"#9ca3af\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"");
    }
    svg.append("</g>");
  }

  private double legendItem(double at, String name, String stroke) {
    int y = TOP - 16;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" %s/>",
        at, y, at + 18, y, stroke));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">", at + 24, y + 4))
        .append(Html.escape(name)).append("</text>");
    // No text metrics without a browser: ~6.8 px per character at 12 px is close for system-ui.
    return at + 24 + name.length() * 6.8 + 18;
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
