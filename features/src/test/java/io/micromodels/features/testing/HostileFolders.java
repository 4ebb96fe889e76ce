package io.micromodels.features.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile ingest folders (issue 30): nested folders of JSON Lines and CSV
 * files, plain or gzipped, with CRLF or LF line breaks, whose lines are valid orders under event
 * ids made of raw bytes (invalid UTF-8, escaped lone surrogates, U+FFFD as such), over-long lines
 * at random positions, random bytes, blank lines and the hostile rows of {@link HostileRows}; plus
 * symbolic links to folders (ancestors: loops; siblings), to files and to nowhere. Each plan knows
 * what a correct ingest reads from it: which files, how many rows, and each row's raw id.
 */
public final class HostileFolders {
  /** Folders a file or link may go in; the two hidden ones are never read. */
  private static final List<String> FOLDERS = List.of("", "d1", "d1/d2", "d1/d2/d3", "e");

  private static final List<String> HIDDEN = List.of(".hidden", "_tmp");
  private static final String CSV_HEADER =
      "client_id,event_id,event_type,event_time,customer_id,amount,currency";
  private static final String ID = "@ID@";

  /** Placeholders: a file's number, and a link target standing for the n-th file. */
  private static final String N = "{n}";

  private static final String FILE = "{file}";

  /** Bytes of event ids that decode as they are (the backslash and quote break JSON, not ids). */
  private static final byte[] PLAIN_ID_BYTES = {'a', 'b', '?', '"', '\\', ','};

  /** Bytes of event ids: UTF-8 pieces, bytes that are never UTF-8, the encoding of U+FFFD. */
  private static final byte[] EIGHT_BIT_ID_BYTES = {
    (byte) 0xff,
    (byte) 0xfe,
    (byte) 0xc3,
    (byte) 0xa9,
    (byte) 0x80,
    (byte) 0xe2,
    (byte) 0x82,
    (byte) 0xac,
    (byte) 0xef,
    (byte) 0xbf,
    (byte) 0xbd
  };

  private HostileFolders() {}

  /**
   * One line of a planned file.
   *
   * @param bytes the line without its break
   * @param rawId the event id the line was written with, as its format reads it: the raw bytes (bad
   *     UTF-8 included), JSON escapes resolved ({@code \\u} escapes spelled {@code <U+XXXX>}, which
   *     no raw id holds), or null
   */
  public record PlannedLine(byte[] bytes, byte[] rawId) {}

  /** A file to write: relative path, whether gzipped, its line break, its lines (header first). */
  public record PlannedFile(String path, boolean gzip, boolean crlf, List<PlannedLine> lines) {
    /** Its bytes once decompressed. */
    public byte[] content() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (PlannedLine line : lines) {
        out.writeBytes(line.bytes());
        out.writeBytes(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }

      return out.toByteArray();
    }

    public boolean isCsv() {
      return path.contains(".csv");
    }

    /** Whether ingest reads it: not below a hidden folder (links never point there). */
    public boolean visible() {
      return HIDDEN.stream().noneMatch(h -> path.startsWith(h + "/"));
    }
  }

  /** A symbolic link: where it is and what it points to, relative to its folder. */
  public record PlannedLink(String path, String target) {}

  /** A folder to write, and the row limit it is read with. */
  public record FolderPlan(List<PlannedFile> files, List<PlannedLink> links, int maxRowBytes) {
    public void write(Path root) {
      try {
        for (PlannedFile file : files) {
          Path path = root.resolve(file.path());
          Files.createDirectories(path.getParent());
          try (OutputStream out =
              file.gzip()
                  ? new GZIPOutputStream(Files.newOutputStream(path))
                  : Files.newOutputStream(path)) {
            out.write(file.content());
          }
        }

        for (PlannedLink link : links) {
          Path path = root.resolve(link.path());
          Files.createDirectories(path.getParent());
          // Two links aimed at files may end up with one name: the first is kept.
          if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(path, Path.of(link.target()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("maxRowBytes=" + maxRowBytes + "\n");
      files.forEach(
          f ->
              out.append(
                  String.format(
                      "  %s (%d lines, gzip %s, crlf %s)%n",
                      f.path(), f.lines().size(), f.gzip(), f.crlf())));
      links.forEach(
          l -> out.append("  ").append(l.path()).append(" -> ").append(l.target()).append('\n'));
      return out.toString();
    }
  }

  public static Arbitrary<FolderPlan> folders() {
    Arbitrary<Integer> maxRowBytes = Arbitraries.integers().between(1_000, 4_000);
    return maxRowBytes.flatMap(
        limit ->
            Combinators.combine(
                    file(limit).list().ofMinSize(1).ofMaxSize(6),
                    link().list().ofMaxSize(5).uniqueElements(PlannedLink::path))
                .as((files, links) -> plan(files, links, limit)));
  }

  /** Numbers the files (two at one path would overwrite each other) and aims file links. */
  private static FolderPlan plan(List<PlannedFile> files, List<PlannedLink> links, int limit) {
    List<PlannedFile> numbered = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      PlannedFile f = files.get(i);
      numbered.add(
          new PlannedFile(f.path().replace(N, String.valueOf(i)), f.gzip(), f.crlf(), f.lines()));
    }

    // A link to a file is named with the file's extensions, so it is read in the same format.
    List<String> visible =
        numbered.stream().filter(PlannedFile::visible).map(PlannedFile::path).toList();
    List<PlannedLink> aimed =
        links.stream()
            .map(
                link -> {
                  if (!link.target().startsWith(FILE)) {
                    return link;
                  }

                  if (visible.isEmpty()) {
                    return new PlannedLink(link.path(), "missing");
                  }

                  String file =
                      visible.get(
                          Integer.parseInt(link.target().substring(FILE.length()))
                              % visible.size());
                  String name = Path.of(file).getFileName().toString();
                  return new PlannedLink(
                      link.path().replaceFirst("\\.jsonl$", "") + name.substring(name.indexOf('.')),
                      relative(parent(link.path()), file));
                })
            .toList();
    return new FolderPlan(numbered, aimed, limit);
  }

  private static Arbitrary<PlannedFile> file(int maxRowBytes) {
    Arbitrary<String> folder =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.of(FOLDERS)), Tuple.of(1, Arbitraries.of(HIDDEN)));
    return Combinators.combine(
            folder,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .flatAs(
            (dir, csv, gzip, crlf) -> {
              String name =
                  (dir.isEmpty() ? "" : dir + "/")
                      + "f"
                      + N
                      + (csv ? ".csv" : ".jsonl")
                      + (gzip ? ".gz" : "");
              Arbitrary<List<PlannedLine>> lines = line(csv, maxRowBytes).list().ofMaxSize(30);
              return lines.map(
                  body -> {
                    List<PlannedLine> all = new ArrayList<>();
                    if (csv) {
                      all.add(new PlannedLine(utf8(CSV_HEADER), null));
                    }

                    all.addAll(body);
                    return new PlannedFile(name, gzip, crlf, all);
                  });
            });
  }

  private static Arbitrary<PlannedLine> line(boolean csv, int maxRowBytes) {
    Arbitrary<FuzzRowLine> hostile =
        (csv ? HostileCsvRows.lines() : HostileRows.jsonLines())
            .map(row -> new FuzzRowLine(row.bytes()));
    return Arbitraries.frequencyOf(
        Tuple.of(8, rawId().map(id -> order(csv, id))),
        Tuple.of(
            2,
            rawId()
                .flatMap(
                    id ->
                        Arbitraries.integers()
                            .between(1, 2 * maxRowBytes)
                            .map(extra -> overLong(csv, id, maxRowBytes + extra)))),
        Tuple.of(
            2,
            Arbitraries.bytes()
                .filter(b -> b != '\n' && b != '\r')
                .array(byte[].class)
                .ofMaxSize(120)
                .map(b -> new PlannedLine(b, null))),
        Tuple.of(1, Arbitraries.of("", " ", "\t \t").map(s -> new PlannedLine(utf8(s), null))),
        Tuple.of(1, hostile.map(h -> new PlannedLine(h.bytes(), null))));
  }

  /** Row bytes of {@link HostileRows}, minus line breaks they may hold. */
  private record FuzzRowLine(byte[] bytes) {
    FuzzRowLine {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte b : bytes) {
        if (b != '\n' && b != '\r') {
          out.write(b);
        }
      }

      bytes = out.toByteArray();
    }
  }

  /**
   * Event ids of 1 to 4 raw bytes, few enough that ids repeat, with and without bad UTF-8; and JSON
   * escapes of lone surrogates and of U+FFFD (in CSV, plain text).
   */
  private static Arbitrary<byte[]> rawId() {
    Arbitrary<byte[]> bytes =
        Arbitraries.frequencyOf(
                Tuple.of(3, oneOf(PLAIN_ID_BYTES)), Tuple.of(1, oneOf(EIGHT_BIT_ID_BYTES)))
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(
                list -> {
                  byte[] id = new byte[list.size() + 2];
                  id[0] = 'r';
                  id[1] = '-';
                  for (int i = 0; i < list.size(); i++) {
                    id[i + 2] = list.get(i);
                  }

                  return id;
                });
    Arbitrary<byte[]> escapes =
        Arbitraries.of("r-\\ud800", "r-\\udfff", "r-\\ufffd").map(HostileFolders::utf8);
    return Arbitraries.frequencyOf(Tuple.of(9, bytes), Tuple.of(1, escapes)).injectDuplicates(0.3);
  }

  private static PlannedLine order(boolean csv, byte[] id) {
    String text =
        csv
            ? "acme," + ID + ",order,2025-06-01T10:00:00Z,c-1,12.50,EUR"
            : EventJson.order(ID).json();
    return new PlannedLine(splice(text, id), csv ? id : unescaped(id));
  }

  /**
   * The id a JSON string of these raw bytes stands for: {@code \\} and {@code \"} resolved, so that
   * JSON {@code r-\\} and CSV {@code r-\} count as the same id, not a merge.
   */
  private static byte[] unescaped(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '\\' || i + 1 == raw.length) {
        out.write(raw[i]);
      } else if (raw[i + 1] == 'u' && i + 6 <= raw.length) {
        out.writeBytes(utf8("<U+" + new String(raw, i + 2, 4, StandardCharsets.US_ASCII) + ">"));
        i += 5;
      } else {
        out.write(raw[++i]);
      }
    }

    return out.toByteArray();
  }

  private static PlannedLine overLong(boolean csv, byte[] id, int bytes) {
    String text =
        csv
            ? "acme," + ID + ",order,2025-06-01T10:00:00Z,c-1,12.50,EUR"
            : EventJson.order(ID).with("attributes", java.util.Map.of("note", "")).json();
    String padded =
        csv
            ? text + "," + "x".repeat(bytes)
            : text.replace("\"note\":\"\"", "\"note\":\"" + "x".repeat(bytes) + "\"");
    return new PlannedLine(splice(padded, id), csv ? id : unescaped(id));
  }

  private static Arbitrary<PlannedLink> link() {
    Arbitrary<String> at = Arbitraries.of(FOLDERS);
    Arbitrary<String> target =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(FOLDERS)),
            Tuple.of(2, Arbitraries.integers().between(0, 5).map(i -> FILE + i)),
            Tuple.of(1, Arbitraries.of("missing", "missing.jsonl")));
    return Combinators.combine(
            at, target, Arbitraries.integers().between(0, 9), Arbitraries.of(true, false))
        .as(
            (dir, to, n, asFile) -> {
              String name =
                  (dir.isEmpty() ? "" : dir + "/") + "link" + n + (asFile ? ".jsonl" : "");
              return new PlannedLink(name, to.startsWith(FILE) ? to : relative(dir, to));
            });
  }

  private static Arbitrary<Byte> oneOf(byte[] bytes) {
    return Arbitraries.integers().between(0, bytes.length - 1).map(i -> bytes[i]);
  }

  /** {@code to} relative to folder {@code from}, both relative to the root. */
  private static String relative(String from, String to) {
    String relative = Path.of("/root", from).relativize(Path.of("/root", to)).toString();
    return relative.isEmpty() ? "." : relative;
  }

  private static String parent(String path) {
    Path parent = Path.of(path).getParent();
    return parent == null ? "" : parent.toString();
  }

  private static byte[] splice(String text, byte[] id) {
    int at = text.indexOf(ID);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(text.substring(0, at)));
    out.writeBytes(id);
    out.writeBytes(utf8(text.substring(at + ID.length())));
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
