package io.micromodels.evaluation.report;

import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The artifact's {@code scores.csv.gz} (DESIGN.md §3.4): one RFC 4180 record per decision event,
 * gzip-compressed, the same bytes for the same rows (the gzip header's mtime is 0).
 */
public final class ScoresCsv {
  /** The header record's fields, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "event_id",
          "customer_id",
          "score",
          "champion_score",
          "abs_diff",
          "action",
          "champion_action");

  private ScoresCsv() {}

  /**
   * Writes {@code rows} in the given order, replacing {@code scoresCsvGz}. Numbers are written as
   * the shortest decimal that reads back as the same double; a missing champion value is empty.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(List<EventRow> rows, Path scoresCsvGz) {
    try {
      Files.write(scoresCsvGz, bytes(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + scoresCsvGz, e);
    }
  }

  /**
   * The file's bytes, for writers that go through another file system (Hadoop's, from a task): the
   * {@link #headerMember} followed by the rows' member. A gzip file may be several members one
   * after another, read as one stream (RFC 1952, {@code GZIPInputStream}, {@code zcat}, pandas),
   * which lets tasks write rows apart and a file be joined from them without decompressing.
   */
  public static byte[] bytes(List<EventRow> rows) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      buffer.write(headerMember());
      try (RowsMember member = new RowsMember(buffer)) {
        rows.forEach(member::write);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compress scores", e);
    }
    return buffer.toByteArray();
  }

  /** The header record as one gzip member. */
  public static byte[] headerMember() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(buffer);
        Writer out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
      out.write(Csv.record(COLUMNS));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compress scores", e);
    }
    return buffer.toByteArray();
  }

  /**
   * Rows written as one gzip member onto a stream that stays open. GZIPOutputStream writes a fixed
   * header (MTIME 0, no file name), so the same rows give the same bytes.
   */
  public static final class RowsMember implements Closeable {
    private final Writer writer;

    public RowsMember(OutputStream target) throws IOException {
      this.writer =
          new OutputStreamWriter(
              new GZIPOutputStream(
                  new FilterOutputStream(target) {
                    @Override
                    public void close() throws IOException {
                      target.flush(); // the member is finished; the target stays open
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                      target.write(b, off, len); // FilterOutputStream's default writes byte by byte
                    }
                  },
                  1 << 16),
              StandardCharsets.UTF_8);
    }

    public void write(EventRow row) {
      try {
        writer.write(Csv.record(fields(row)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot compress scores", e);
      }
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  /** One row's fields in {@link #COLUMNS} order. */
  static List<String> fields(EventRow row) {
    List<String> fields = new ArrayList<>(COLUMNS.size());
    fields.add(row.eventId());
    fields.add(row.customerId());
    fields.add(ReportFormat.exact(row.score()));
    fields.add(row.championScore() == null ? null : ReportFormat.exact(row.championScore()));
    fields.add(row.absDiff() == null ? null : ReportFormat.exact(row.absDiff()));
    fields.add(row.action());
    fields.add(row.championAction());
    return fields;
  }
}
