package io.micromodels.evaluation.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything the backtest report shows, already computed: {@link ReportWriter} only lays it out.
 * Strings are shown as given (HTML-escaped); nullable values are shown as "-".
 *
 * @param header title line and what the run was
 * @param objective the ad-hoc run's hypothesis and objective, or null for a plain backtest
 * @param happyPath the gate's checks, in display order
 * @param sections tables and plots (per-fold metrics, policy impact, transitions, ...), in order
 * @param events the per-event comparison rows
 * @param lineage data versions, windows, config hash, ..., in display order
 */
public record ReportModel(
    Header header,
    Objective objective,
    List<HappyPathRow> happyPath,
    List<Section> sections,
    List<EventRow> events,
    List<LineageEntry> lineage) {
  public ReportModel {
    Objects.requireNonNull(header, "header");
    happyPath = List.copyOf(happyPath);
    sections = List.copyOf(sections);
    events = List.copyOf(events);
    lineage = List.copyOf(lineage);
  }

  /** The page title and the subtitle facts; {@code asOf} and {@code runId} as they should read. */
  public record Header(String title, String client, String asOf, String runId) {
    public Header {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(asOf, "asOf");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * An ad-hoc run's statement: e.g. objective {@code "pr_auc: +0.01 vs champion"}, value {@code
   * "+0.013"}, ciText {@code "95% CI [+0.004, +0.021]"}; value and ciText may be null.
   */
  public record Objective(
      String hypothesis, String objective, Outcome outcome, String value, String ciText) {
    public Objective {
      Objects.requireNonNull(hypothesis, "hypothesis");
      Objects.requireNonNull(objective, "objective");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** Whether an objective was met. */
  public enum Outcome {
    MET,
    NOT_MET
  }

  /** A gate check's result, shown as ✓, ✗ or –. */
  public enum Status {
    PASS("✓"),
    FAIL("✗"),
    NOT_CHECKED("–");

    private final String symbol;

    Status(String symbol) {
      this.symbol = symbol;
    }

    /** The character the report shows for this status. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * One line of the happy-path table; offline/live/champion/threshold are preformatted and may be
   * null (shown as "-"), e.g. threshold {@code "drop ≤ 0.02"}. See {@link #of} for doubles.
   */
  public record HappyPathRow(
      String metric,
      String offline,
      String live,
      String champion,
      String threshold,
      Status status) {
    public HappyPathRow {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(status, "status");
    }

    /** A row whose values are formatted by {@link ReportFormat#number(Double)}. */
    public static HappyPathRow of(
        String metric,
        Double offline,
        Double live,
        Double champion,
        String threshold,
        Status status) {
      return new HappyPathRow(
          metric,
          ReportFormat.number(offline),
          ReportFormat.number(live),
          ReportFormat.number(champion),
          threshold,
          status);
    }
  }

  /**
   * A titled part of the page: optional paragraphs (e.g. "does not beat its parent: fallback
   * recommended"), then tables, then plots.
   */
  public record Section(String title, List<String> notes, List<Table> tables, List<Plot> plots) {
    public Section {
      Objects.requireNonNull(title, "title");
      notes = List.copyOf(notes);
      tables = List.copyOf(tables);
      plots = List.copyOf(plots);
    }

    /** A section of tables only. */
    public Section(String title, List<Table> tables) {
      this(title, List.of(), tables, List.of());
    }
  }

  /**
   * A table of preformatted cells; a null cell is shown as "-". Columns whose cells all read as
   * numbers are right-aligned.
   */
  public record Table(String caption, List<String> columns, List<List<String>> rows) {
    public Table {
      Objects.requireNonNull(caption, "caption");
      columns = List.copyOf(columns);
      rows = rows.stream().map(Table::copyRow).toList();
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "Table '"
                  + caption
                  + "': a row has "
                  + row.size()
                  + " cells, the table "
                  + columns.size()
                  + " columns");
        }
      }
    }

    private static List<String> copyRow(List<String> row) {
      // List.copyOf rejects nulls; a null cell is legal and means "-".
      return Collections.unmodifiableList(new ArrayList<>(row));
    }
  }

  /** An inline SVG plot. */
  public sealed interface Plot permits CurvePlot, HistogramPlot, ShapePlot {
    /** The plot's heading. */
    String title();
  }

  /**
   * Whether a curve plot draws the y = x reference line, and what it means: a ranking by chance
   * (ROC curve) or perfect calibration (reliability diagram).
   */
  public enum Reference {
    NONE(null),
    CHANCE("chance"),
    CALIBRATED("perfectly calibrated");

    private final String label;

    Reference(String label) {
      this.label = label;
    }

    /** The legend's name of the line, null without one. */
    public String label() {
      return label;
    }
  }

  /** Lines over a shared x axis: PR curves, ROC curves, the reliability diagram. */
  public record CurvePlot(
      String title, String xLabel, String yLabel, List<Series> series, Reference reference)
      implements Plot {
    public CurvePlot {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(xLabel, "xLabel");
      Objects.requireNonNull(yLabel, "yLabel");
      series = List.copyOf(series);
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * A small multiple: one input's learned shape, its contribution to a micromodel's log-odds (y)
   * against its value (x), one line per model (candidate, champion), with a dashed zero line;
   * {@code notes} are shown beside it (e.g. what a missing value contributes). Pages lay several
   * out in a grid.
   */
  public record ShapePlot(
      String title, String xLabel, String yLabel, List<Series> series, List<String> notes)
      implements Plot {
    public ShapePlot {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(xLabel, "xLabel");
      Objects.requireNonNull(yLabel, "yLabel");
      series = List.copyOf(series);
      notes = List.copyOf(notes);
    }
  }

  /** One named line; x and y are copied in and out, have the same length and are finite. */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      Objects.requireNonNull(name, "name");
      x = x.clone();
      y = y.clone();
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "Series '" + name + "': " + x.length + " x values, " + y.length + " y values");
      }
      requireFinite(name, x);
      requireFinite(name, y);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Series s
          && name.equals(s.name)
          && Arrays.equals(x, s.x)
          && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
      return "Series[" + name + ", " + x.length + " points]";
    }
  }

  /**
   * Bar counts per bin for one or more series (champion vs candidate); bin i spans {@code
   * binEdges[i]..binEdges[i+1]}, edges strictly increasing.
   */
  public record HistogramPlot(String title, String xLabel, double[] binEdges, List<Counts> series)
      implements Plot {
    public HistogramPlot {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(xLabel, "xLabel");
      binEdges = binEdges.clone();
      series = List.copyOf(series);
      requireFinite(title, binEdges);
      for (int i = 1; i < binEdges.length; i++) {
        if (!(binEdges[i] > binEdges[i - 1])) {
          throw new IllegalArgumentException("Histogram '" + title + "': bin edges must increase");
        }
      }
      for (Counts counts : series) {
        if (counts.counts.length != binEdges.length - 1) {
          throw new IllegalArgumentException(
              "Histogram '"
                  + title
                  + "': series '"
                  + counts.name
                  + "' has "
                  + counts.counts.length
                  + " counts for "
                  + (binEdges.length - 1)
                  + " bins");
        }
      }
    }

    @Override
    public double[] binEdges() {
      return binEdges.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof HistogramPlot h
          && title.equals(h.title)
          && xLabel.equals(h.xLabel)
          && Arrays.equals(binEdges, h.binEdges)
          && series.equals(h.series);
    }

    @Override
    public int hashCode() {
      return Objects.hash(title, xLabel, Arrays.hashCode(binEdges), series);
    }

    @Override
    public String toString() {
      return "HistogramPlot[" + title + ", " + (binEdges.length - 1) + " bins, " + series + "]";
    }
  }

  /** One series' count per histogram bin (non-negative; copied in and out). */
  public record Counts(String name, long[] counts) {
    public Counts {
      Objects.requireNonNull(name, "name");
      counts = counts.clone();
      if (Arrays.stream(counts).anyMatch(c -> c < 0)) {
        throw new IllegalArgumentException("Counts '" + name + "': negative count");
      }
    }

    @Override
    public long[] counts() {
      return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Counts c && name.equals(c.name) && Arrays.equals(counts, c.counts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
      return "Counts[" + name + ", " + Arrays.toString(counts) + "]";
    }
  }

  /**
   * One decision event, candidate vs champion. Scores are 0-100; the champion's fields (and email)
   * are null without a champion (shown as "-", written as empty CSV fields).
   */
  public record EventRow(
      String eventId,
      String customerId,
      String email,
      double score,
      Double championScore,
      Double absDiff,
      String action,
      String championAction)
      implements java.io.Serializable {
    public EventRow {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(action, "action");
      if (!Double.isFinite(score)) {
        throw new IllegalArgumentException("Event " + eventId + ": score " + score);
      }
    }
  }

  /** One lineage fact, e.g. {@code ("events table", "s3://.../events @ v42")}. */
  public record LineageEntry(String key, String value) {
    public LineageEntry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  private static void requireFinite(String owner, double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("'" + owner + "': non-finite value " + v);
      }
    }
  }
}
