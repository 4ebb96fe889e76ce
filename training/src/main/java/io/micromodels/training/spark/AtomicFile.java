package io.micromodels.training.spark;

import io.micromodels.features.spark.SparkHadoopConf;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file written through Hadoop's file systems under a temporary name and renamed into place by
 * {@link #commit}, so a reader never sees half of it; closed without a commit, the temporary file
 * is removed. Written as a stream, so a task writes a large file without holding it.
 */
public final class AtomicFile implements Closeable {
  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(FileSystem fs, Path target, Path temporary, OutputStream out) {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.out = out;
  }

  /** Starts writing {@code file}, replacing it on {@link #commit}. */
  public static AtomicFile create(String file) {
    Path target = new Path(file);
    Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(SparkHadoopConf.current());
      return new AtomicFile(fs, target, temporary, fs.create(temporary, true));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Where the content goes until {@link #commit}; not to be closed by the caller. */
  public OutputStream stream() {
    return out;
  }

  /** Closes the stream and moves the file into place. */
  public void commit() {
    try {
      out.close();
      if (fs.exists(target) && !fs.delete(target, false) || !fs.rename(temporary, target)) {
        throw new IOException("cannot move " + temporary + " to " + target);
      }
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      out.close();
      fs.delete(temporary, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + temporary, e);
    }
  }

  @Override
  public String toString() {
    return target.toString();
  }
}
