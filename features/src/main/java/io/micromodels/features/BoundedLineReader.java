package io.micromodels.features;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the lines of one text input (JSON Lines or CSV, already decompressed) in bounded memory. A
 * line ends at {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader} has it. A
 * line longer than the row limit is not buffered: its first bytes are kept, the rest is counted and
 * skipped up to the next line break, so a gzip bomb holding one endless line costs time, never
 * memory. The decompressed bytes of the whole input are capped too; beyond the cap reading fails,
 * naming the file and the limit.
 *
 * <p>Lines are split on bytes, then decoded as UTF-8 (malformed bytes become U+FFFD): a line break
 * byte never occurs inside a multi-byte UTF-8 sequence, so splitting first is exact.
 */
public final class BoundedLineReader implements Closeable {
  /** Raw text kept of an over-long line: enough to recognise the row in quarantine. */
  public static final int KEPT_PREFIX_BYTES = 4096;

  private static final int CHUNK_BYTES = 1 << 16;
  private static final int PREFIX_BYTES_STORED = KEPT_PREFIX_BYTES + 4;

  /**
   * One line of the input.
   *
   * @param number 1-based line number
   * @param text the line, or only its first bytes when it is not {@link #complete()}
   * @param bytes the line's length in bytes, without its line break
   * @param complete false when the line was longer than the row limit and {@code text} is a prefix
   */
  public record Line(long number, String text, long bytes, boolean complete) {
    public Line {
      Objects.requireNonNull(text, "text");
    }
  }

  private final InputStream in;
  private final String path;
  private final int maxLineBytes;
  private final long maxFileBytes;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private int chunkPos;
  private int chunkEnd;
  private long fileBytes;
  private boolean endOfInput;
  private boolean skipLineFeed;
  private byte[] line = new byte[1024];
  private int lineLength;
  private long lineNumber;

  /**
   * @param in the decompressed input; closed by {@link #close()}
   * @param path the file's path, for error messages
   * @param maxLineBytes longest line read whole
   * @param maxFileBytes most decompressed bytes read from {@code in}
   */
  public BoundedLineReader(InputStream in, String path, int maxLineBytes, long maxFileBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.path = Objects.requireNonNull(path, "path");
    if (maxLineBytes <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }

    this.maxLineBytes = maxLineBytes;
    this.maxFileBytes = maxFileBytes;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    lineLength = 0;
    long length = 0;
    boolean any = false;
    while (fill()) {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (chunk[chunkPos] == '\n') {
          chunkPos++;
          continue;
        }
      }

      any = true;
      int end = lineBreak();
      int n = end - chunkPos;
      keep(n, length);
      length += n;
      chunkPos = end;
      if (end < chunkEnd) {
        skipLineFeed = chunk[end] == '\r';
        chunkPos++;
        return line(length);
      }
    }

    return any ? line(length) : null;
  }

  /** Decompressed bytes read so far. */
  public long bytesRead() {
    return fileBytes;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Whether unread bytes are in the chunk, reading the next chunk when needed. */
  private boolean fill() throws IOException {
    if (chunkPos < chunkEnd) {
      return true;
    }

    if (endOfInput) {
      return false;
    }

    int n = in.readNBytes(chunk, 0, chunk.length);
    if (n == 0) {
      endOfInput = true;
      return false;
    }

    fileBytes += n;
    if (fileBytes > maxFileBytes) {
      throw IngestErrors.fileTooLarge(path, maxFileBytes);
    }

    chunkPos = 0;
    chunkEnd = n;
    return true;
  }

  /** Index of the next line break in the chunk, or the chunk's end. */
  private int lineBreak() {
    for (int i = chunkPos; i < chunkEnd; i++) {
      byte b = chunk[i];
      if (b == '\n' || b == '\r') {
        return i;
      }
    }

    return chunkEnd;
  }

  /**
   * Appends {@code n} bytes at the chunk position to the line, {@code before} bytes of the line
   * having been seen. Of an over-long line only a prefix is stored (plus the bytes that tell where
   * its last character ends); the rest is counted, not stored.
   */
  private void keep(int n, long before) {
    int keep = before + n <= maxLineBytes ? n : Math.min(n, PREFIX_BYTES_STORED - lineLength);
    if (keep <= 0) {
      return;
    }

    if (lineLength + keep > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + keep, line.length * 2));
    }

    System.arraycopy(chunk, chunkPos, line, lineLength, keep);
    lineLength += keep;
  }

  private Line line(long length) {
    lineNumber++;
    boolean complete = length <= maxLineBytes;
    int end = complete ? lineLength : prefixEnd();
    return new Line(lineNumber, new String(line, 0, end, StandardCharsets.UTF_8), length, complete);
  }

  /** Where the kept prefix of an over-long line ends: not inside a multi-byte character. */
  private int prefixEnd() {
    if (lineLength <= KEPT_PREFIX_BYTES) {
      return lineLength;
    }

    // A UTF-8 character has at most three continuation bytes (10xxxxxx) after its lead byte.
    for (int cut = KEPT_PREFIX_BYTES; cut > KEPT_PREFIX_BYTES - 4; cut--) {
      if ((line[cut] & 0xC0) != 0x80) {
        return cut;
      }
    }

    return KEPT_PREFIX_BYTES; // not UTF-8 anyway: the decoder marks the bytes as malformed
  }
}
