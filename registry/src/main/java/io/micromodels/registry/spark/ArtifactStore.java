package io.micromodels.registry.spark;

import io.micromodels.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Files of the registry and of its inputs, through Hadoop's file systems (so a warehouse on {@code
 * file:}, HDFS or an object store works alike). Paths are URIs or local paths.
 */
final class ArtifactStore {
  private final Configuration conf;

  ArtifactStore(SparkSession spark) {
    this(spark.sessionState().newHadoopConf());
  }

  ArtifactStore(Configuration conf) {
    this.conf = conf;
  }

  private FileSystem fs(Path path) throws IOException {
    return path.getFileSystem(conf);
  }

  boolean exists(String path) {
    try {
      Path p = new Path(path);
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  byte[] read(String path) {
    Path p = new Path(path);
    try (InputStream in = fs(p).open(p)) {
      return in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw new RegistryException("File not found: " + path + ".", e);
    } catch (org.apache.hadoop.fs.ChecksumException e) {
      // The file system's own checksum (a local .crc file, HDFS block checksums) failed.
      throw new RegistryException(
          "Checksum mismatch on "
              + path
              + ": the file system says "
              + e.getMessage()
              + ". The artifact is damaged; publish it again.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  void write(String path, byte[] content) {
    Path p = new Path(path);
    try (OutputStream out = fs(p).create(p, true)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * Moves a folder to a path that must not exist yet (its parent is created).
   *
   * @throws IllegalStateException when the target exists or the file system refuses
   */
  void move(String from, String to) {
    Path src = new Path(from);
    Path dst = new Path(to);
    try {
      FileSystem fs = fs(src);
      if (fs.exists(dst)) {
        // Hadoop would move the folder *into* an existing one: never let it.
        throw new IllegalStateException("cannot move " + from + " to " + to + ": it exists");
      }

      fs.mkdirs(dst.getParent());
      if (!fs.rename(src, dst)) {
        throw new IllegalStateException("the file system refused to move " + from + " to " + to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + from + " to " + to, e);
    }
  }

  /** The sub-folders of a folder (empty when it does not exist). */
  List<String> folders(String path) {
    Path p = new Path(path);
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = fs(p);
      if (!fs.exists(p)) {
        return out;
      }

      for (FileStatus s : fs.listStatus(p)) {
        if (s.isDirectory()) {
          out.add(s.getPath().toString());
        }
      }

      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  /** A path in Hadoop's qualified spelling, as the index stores locations. */
  String qualify(String path) {
    try {
      Path p = new Path(path);
      return fs(p).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path, e);
    }
  }
}
