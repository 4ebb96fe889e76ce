package io.micromodels.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.evaluation.report.ReportModel.EventRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresCsvTest {
  private static final List<EventRow> ROWS =
      List.of(
          new EventRow(
              "ev-1", "cust,\"quoted\"", "x@example.com", 87.5, 80.25, 7.25, "REVIEW", "ALLOW"),
          new EventRow("ev-2", "line\nbreak", null, 0.1, null, null, "ALLOW", null),
          new EventRow(
              "ev-3", "c3", "y@example.com", 1.0E-5, 100.0, 99.99999, "PREVENT", "PREVENT"));

  @TempDir Path dir;

  @Test
  void roundTripsThroughGzipAndRfc4180() throws IOException {
    Path file = dir.resolve("scores.csv.gz");
    ScoresCsv.write(ROWS, file);
    List<List<String>> records = CsvRecords.parse(gunzip(file));
    assertThat(records)
        .containsExactly(
            List.of(
                "event_id",
                "customer_id",
                "score",
                "champion_score",
                "abs_diff",
                "action",
                "champion_action"),
            List.of("ev-1", "cust,\"quoted\"", "87.5", "80.25", "7.25", "REVIEW", "ALLOW"),
            List.of("ev-2", "line\nbreak", "0.1", "", "", "ALLOW", ""),
            List.of("ev-3", "c3", "0.00001", "100", "99.99999", "PREVENT", "PREVENT"));
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
    Path file = dir.resolve("formulas.csv.gz");
    ScoresCsv.write(
        List.of(
            new EventRow(
                "=HYPERLINK(\"http://x\",\"y\")",
                "+cmd|' /C calc'!A0",
                null,
                -0.5,
                -1e-7,
                1.0,
                "@SUM(A1)",
                "-2+3"),
            new EventRow("\tev", "\rc", null, 1.0, null, null, "ALLOW", null)),
        file);

    assertThat(CsvRecords.parse(gunzip(file)))
        .containsExactly(
            ScoresCsv.COLUMNS,
            List.of(
                "'=HYPERLINK(\"http://x\",\"y\")",
                "'+cmd|' /C calc'!A0",
                "-0.5",
                "-0.0000001",
                "1",
                "'@SUM(A1)",
                "'-2+3"),
            List.of("'\tev", "'\rc", "1", "", "", "ALLOW", ""));
  }

  @Test
  void twoWritesGiveTheSameBytesWithoutATimestamp() throws IOException, InterruptedException {
    Path first = dir.resolve("a.csv.gz");
    Path second = dir.resolve("b.csv.gz");
    ScoresCsv.write(ROWS, first);
    Thread.sleep(1100); // a gzip mtime has one-second resolution
    ScoresCsv.write(ROWS, second);
    byte[] bytes = Files.readAllBytes(first);
    assertThat(Files.readAllBytes(second)).isEqualTo(bytes);
    // RFC 1952: ID1 ID2 CM FLG, then MTIME (4 bytes little-endian); no FNAME flag.
    assertThat(new byte[] {bytes[0], bytes[1], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]})
        .containsExactly(0x1f, 0x8b, 0, 0, 0, 0, 0);
  }

  @Test
  void writesOnlyTheHeaderWithoutRows() throws IOException {
    Path file = dir.resolve("empty.csv.gz");
    ScoresCsv.write(new ArrayList<>(), file);
    assertThat(gunzip(file))
        .isEqualTo("event_id,customer_id,score,champion_score,abs_diff,action,champion_action\r\n");
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
