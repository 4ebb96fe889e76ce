package io.micromodels.features.spark;

import io.micromodels.features.IngestErrors;
import io.micromodels.features.InputFile;
import io.micromodels.features.InputFormat;
import io.micromodels.features.SkippedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The event-log files of the paths given to ingest, found before any Spark work, and the paths
 * skipped on the way. A folder contributes every file below it with a known extension; hidden and
 * underscore files ({@code _SUCCESS}, {@code .crc}) are skipped. A path named explicitly must exist
 * and, if a file, have a known format: otherwise it is a usage error.
 *
 * <p>Local folders are walked with symbolic links followed, breadth first and each folder's entries
 * by name, and every real file and folder (by its file key: device and inode) is read once, under
 * the first path it is found by; its other paths, such as a link back to an ancestor (a loop), are
 * listed as skipped. Other file systems (HDFS, object stores) are listed through Hadoop, which does
 * not follow links there.
 *
 * @param files the files to read, sorted by path
 * @param skipped paths to already-read files or folders and broken links, in walk order
 */
public record InputFiles(List<InputFile> files, List<SkippedInput> skipped) {
  public InputFiles {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
  }

  public static InputFiles expand(Configuration conf, List<String> paths) {
    Walk walk = new Walk();
    for (String given : paths) {
      try {
        Path path = new Path(given);
        FileSystem fs = path.getFileSystem(conf);
        if ("file".equals(fs.getUri().getScheme())) {
          walk.local(given, java.nio.file.Path.of(fs.makeQualified(path).toUri()));
        } else {
          walk.hadoop(given, fs, path);
        }
      } catch (IOException e) {
        throw IngestErrors.unreadable(given, e);
      }
    }

    if (walk.files.isEmpty()) {
      throw IngestErrors.noInputFiles(String.join(", ", paths));
    }

    return new InputFiles(
        walk.files.values().stream().sorted(Comparator.comparing(InputFile::path)).toList(),
        walk.skipped);
  }

  /** The files and skipped paths found so far, across all given paths. */
  private static final class Walk {
    /** By file key (local) or path (other file systems): a file is read once. */
    private final Map<Object, InputFile> files = new LinkedHashMap<>();

    /** Local folders walked, by file key, with the path they were walked under. */
    private final Map<Object, String> folders = new HashMap<>();

    private final List<SkippedInput> skipped = new ArrayList<>();

    void local(String given, java.nio.file.Path root) throws IOException {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(root, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        throw IngestErrors.missingInput(given);
      }

      if (!attributes.isDirectory()) {
        InputFormat format =
            InputFormat.ofFileName(root.getFileName().toString())
                .orElseThrow(() -> IngestErrors.unknownFormat(given));
        addLocalFile(root, attributes, format);
        return;
      }

      // Breadth first: a folder is read under its shortest path, so a detour through a link
      // never hides the folder's own path.
      Deque<java.nio.file.Path> pending = new ArrayDeque<>();
      if (enterFolder(root, attributes)) {
        pending.add(root);
      }

      while (!pending.isEmpty()) {
        for (java.nio.file.Path entry : sortedEntries(pending.poll())) {
          Optional<BasicFileAttributes> target = followed(entry);
          if (target.isEmpty()) {
            continue;
          }

          if (target.get().isDirectory()) {
            if (enterFolder(entry, target.get())) {
              pending.add(entry);
            }
          } else if (target.get().isRegularFile()) {
            InputFormat.ofFileName(entry.getFileName().toString())
                .ifPresent(format -> addLocalFile(entry, target.get(), format));
          }
        }
      }
    }

    void hadoop(String given, FileSystem fs, Path path) throws IOException {
      if (!fs.exists(path)) {
        throw IngestErrors.missingInput(given);
      }

      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        InputFormat format =
            InputFormat.ofFileName(path.getName())
                .orElseThrow(() -> IngestErrors.unknownFormat(given));
        addHadoopFile(status.getPath(), format);
        return;
      }

      RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
      while (it.hasNext()) {
        Path file = it.next().getPath();
        if (!isHidden(status.getPath(), file)) {
          InputFormat.ofFileName(file.getName()).ifPresent(f -> addHadoopFile(file, f));
        }
      }
    }

    private void addHadoopFile(Path file, InputFormat format) {
      files.putIfAbsent(file.toString(), new InputFile(file.toString(), format));
    }

    private void addLocalFile(
        java.nio.file.Path file, BasicFileAttributes attributes, InputFormat format) {
      String path = hadoopPath(file);
      InputFile first = files.putIfAbsent(key(file, attributes), new InputFile(path, format));
      if (first != null && !first.path().equals(path)) {
        skipped.add(new SkippedInput(path, "same file as " + first.path() + ", read once"));
      }
    }

    /** Whether a folder is new; a second path to one (a link, or a loop) is skipped. */
    private boolean enterFolder(java.nio.file.Path folder, BasicFileAttributes attributes) {
      String path = hadoopPath(folder);
      String first = folders.putIfAbsent(key(folder, attributes), path);
      if (first != null && !first.equals(path)) {
        boolean loop = path.startsWith(first + "/");
        skipped.add(
            new SkippedInput(
                path,
                (loop ? "symbolic link loop back to " : "same folder as ")
                    + first
                    + ", read once"));
      }

      return first == null;
    }

    /** The entry's attributes, links followed; empty for hidden entries and broken links. */
    private Optional<BasicFileAttributes> followed(java.nio.file.Path entry) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return Optional.empty();
      }

      try {
        return Optional.of(Files.readAttributes(entry, BasicFileAttributes.class));
      } catch (NoSuchFileException e) {
        skipped.add(new SkippedInput(hadoopPath(entry), "broken symbolic link"));
        return Optional.empty();
      } catch (IOException e) {
        throw IngestErrors.unreadable(hadoopPath(entry), e);
      }
    }

    private static List<java.nio.file.Path> sortedEntries(java.nio.file.Path folder) {
      try (Stream<java.nio.file.Path> entries = Files.list(folder)) {
        return entries.sorted().toList();
      } catch (IOException e) {
        throw IngestErrors.unreadable(hadoopPath(folder), e);
      }
    }

    /** What makes two paths the same file: its file key where the platform has one. */
    private static Object key(java.nio.file.Path path, BasicFileAttributes attributes) {
      if (attributes.fileKey() != null) {
        return attributes.fileKey();
      }

      try {
        return path.toRealPath();
      } catch (IOException e) {
        throw IngestErrors.unreadable(hadoopPath(path), e);
      }
    }

    /** Hadoop's spelling of a local path ({@code file:/a/b}), as Spark and the tables use. */
    private static String hadoopPath(java.nio.file.Path path) {
      return new Path("file", null, path.toAbsolutePath().toString()).toString();
    }

    private static boolean isHidden(Path root, Path file) {
      for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
        if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
          return true;
        }
      }

      return false;
    }
  }
}
