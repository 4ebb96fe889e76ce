package io.micromodels.features.spark;

import io.micromodels.features.IngestErrors;
import io.micromodels.features.InputFile;
import io.micromodels.features.InputFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the paths given to ingest into event-log files. A directory contributes every file
 * below it with a known extension; hidden and underscore files ({@code _SUCCESS}, {@code .crc})
 * are skipped. A file named explicitly must have a known format.
 */
final class InputFiles {
  private InputFiles() {}

  static List<InputFile> expand(Configuration conf, List<String> paths) {
    List<InputFile> files = new ArrayList<>();
    for (String given : paths) {
      try {
        Path path = new Path(given);
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
          throw IngestErrors.missingInput(given);
        }

        FileStatus status = fs.getFileStatus(path);
        if (status.isFile()) {
          InputFormat format =
              InputFormat.ofFileName(path.getName())
                  .orElseThrow(() -> IngestErrors.unknownFormat(given));
          files.add(new InputFile(status.getPath().toString(), format));
        } else {
          addDirectory(fs, status.getPath(), files);
        }
      } catch (IOException e) {
        throw IngestErrors.unreadable(given, e);
      }
    }

    if (files.isEmpty()) {
      throw IngestErrors.noInputFiles(String.join(", ", paths));
    }

    return files.stream().distinct().sorted((a, b) -> a.path().compareTo(b.path())).toList();
  }

  private static void addDirectory(FileSystem fs, Path dir, List<InputFile> files)
      throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      if (isHidden(dir, status.getPath())) {
        continue;
      }

      Optional<InputFormat> format = InputFormat.ofFileName(status.getPath().getName());
      format.ifPresent(f -> files.add(new InputFile(status.getPath().toString(), f)));
    }
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
