package io.micromodels.evaluation.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.features.spark.SparkHadoopConf;
import io.micromodels.training.spark.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a backtest run, through Hadoop's file systems (local, HDFS, S3) so tasks on a
 * cluster write them where the driver reads them. Each file is written to a temporary name and
 * renamed, so a reader never sees half a report.
 *
 * <pre>
 * &lt;run&gt;/folds.json                      the fold layout of every client
 * &lt;run&gt;/models/fold-&lt;k&gt;/&lt;client&gt;/model.json   each fold's candidate (and parent.json)
 * &lt;run&gt;/models/champion/&lt;client&gt;/model.json  the champion, for the tasks to read
 * &lt;run&gt;/&lt;client&gt;/report.html, metrics.json, scores.csv.gz
 * </pre>
 */
final class BacktestFiles {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private BacktestFiles() {}

  static String join(String dir, String name) {
    return new Path(dir, name).toString();
  }

  static String foldModels(String runDir, int fold) {
    return join(join(runDir, "models"), "fold-" + fold);
  }

  static String clientDir(String runDir, String clientId) {
    return join(runDir, clientId);
  }

  /** Where a client's shards write their parts of scores.csv.gz, removed once joined. */
  static String scoreParts(String runDir, String clientId) {
    return join(clientDir(runDir, clientId), "scores-parts");
  }

  /** Deletes a folder and what is in it, if it exists. */
  static void deleteFolder(String dir) {
    Path path = new Path(dir);
    try {
      path.getFileSystem(SparkHadoopConf.current()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /** Copies a file's bytes to {@code out}. */
  static void copy(String file, OutputStream out) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(SparkHadoopConf.current()).open(path)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static void writeLayout(String runDir, Map<String, FoldLayout> layouts) {
    try {
      write(join(runDir, "folds.json"), JSON.writeValueAsBytes(layouts));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fold layout under " + runDir, e);
    }
  }

  static void write(String file, byte[] content) {
    ModelFiles.writeAtomically(file, content);
  }

  /** A text file's content, or null when it does not exist. */
  static String readIfExists(String file) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(SparkHadoopConf.current());
      if (!fs.exists(path)) {
        return null;
      }

      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
