package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.BoundedLineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private static final long NO_FILE_LIMIT = Long.MAX_VALUE;

  @Test
  void splitsOnEveryLineBreakAsBufferedReaderDoes() throws IOException {
    List<Line> lines = read("a\nb\r\nc\rd\n\ne", 100, NO_FILE_LIMIT);

    assertThat(lines).extracting(Line::text).containsExactly("a", "b", "c", "d", "", "e");
    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(lines).allMatch(Line::complete);
  }

  @Test
  void aCarriageReturnAtTheEndOfAChunkStillPairsWithItsLineFeed() throws IOException {
    String first = "x".repeat((1 << 16) - 1);

    List<Line> lines = read(first + "\r\nnext\n", 1 << 17, NO_FILE_LIMIT);

    assertThat(lines).extracting(Line::text).containsExactly(first, "next");
  }

  @Test
  void anOverLongLineKeepsOnlyItsFirstBytesAndTheNextLineIsReadWhole() throws IOException {
    String longLine = "{\"event_id\":\"" + "9".repeat(200_000) + "\"}";

    List<Line> lines = read("first\n" + longLine + "\nlast", 10_000, NO_FILE_LIMIT);

    assertThat(lines).extracting(Line::text).element(0).isEqualTo("first");
    Line over = lines.get(1);
    assertThat(over.complete()).isFalse();
    assertThat(over.number()).isEqualTo(2);
    assertThat(over.bytes()).isEqualTo(longLine.length());
    assertThat(over.text())
        .hasSize(BoundedLineReader.KEPT_PREFIX_BYTES)
        .isEqualTo(longLine.substring(0, BoundedLineReader.KEPT_PREFIX_BYTES));
    assertThat(lines.get(2)).isEqualTo(new Line(3, "last", 4, true));
  }

  @Test
  void theKeptPrefixNeverEndsInsideACharacter() throws IOException {
    // "é" is two bytes: the prefix cut at an odd byte would split one.
    String longLine = "a" + "é".repeat(5_000);

    Line over = read(longLine, 100, NO_FILE_LIMIT).get(0);

    assertThat(over.text())
        .isEqualTo("a" + "é".repeat((BoundedLineReader.KEPT_PREFIX_BYTES - 1) / 2));
    assertThat(over.text()).doesNotContain("\ufffd");
  }

  @Test
  void aLineLongerThanAnyJavaStringIsSkippedInBoundedMemory() throws IOException {
    // 2.5 GB of one line: no String or array could hold it, so reading it whole would fail.
    long length = 2_500_000_000L;
    InputStream endless = new RepeatedByteStream((byte) '0', length);

    try (BoundedLineReader reader =
        new BoundedLineReader(endless, "endless", 65_536, NO_FILE_LIMIT)) {
      Line line = reader.next();

      assertThat(line.complete()).isFalse();
      assertThat(line.bytes()).isEqualTo(length);
      assertThat(line.text()).hasSize(BoundedLineReader.KEPT_PREFIX_BYTES);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void moreDecompressedBytesThanTheFileLimitFailNamingTheFileAndTheLimit() {
    InputStream endless = new RepeatedByteStream((byte) '\n', Long.MAX_VALUE);

    assertThatThrownBy(
            () -> {
              try (BoundedLineReader reader =
                  new BoundedLineReader(endless, "s3a://b/bomb.jsonl.gz", 100, 1_000_000)) {
                while (reader.next() != null) {
                  // read on
                }
              }
            })
        .isInstanceOf(MicromodelsException.class)
        .hasMessageContaining("s3a://b/bomb.jsonl.gz")
        .hasMessageContaining("more than 1000000 bytes once decompressed (--max-file-bytes)");
  }

  @Test
  void malformedUtf8IsDecodedAsReplacementCharacters() throws IOException {
    byte[] bytes = {'u', '8', '-', (byte) 0xff, '\n', 'u', '8', '-', (byte) 0xfe};

    List<Line> lines = read(bytes, 100);

    assertThat(lines).extracting(Line::text).containsExactly("u8-\ufffd", "u8-\ufffd");
  }

  private static List<Line> read(String text, int maxLineBytes, long maxFileBytes)
      throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8), maxLineBytes, maxFileBytes);
  }

  private static List<Line> read(byte[] bytes, int maxLineBytes) throws IOException {
    return read(bytes, maxLineBytes, NO_FILE_LIMIT);
  }

  private static List<Line> read(byte[] bytes, int maxLineBytes, long maxFileBytes)
      throws IOException {
    List<Line> lines = new ArrayList<>();
    try (BoundedLineReader reader =
        new BoundedLineReader(
            new ByteArrayInputStream(bytes), "test", maxLineBytes, maxFileBytes)) {
      for (Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }

    return lines;
  }

  /** {@code length} copies of one byte, generated as read: an input no buffer could hold. */
  private static final class RepeatedByteStream extends InputStream {
    private final byte value;
    private long left;

    RepeatedByteStream(byte value, long length) {
      this.value = value;
      this.left = length;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }

      left--;
      return value & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }

      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }
}
