package io.micromodels.features.spark;

import io.micromodels.features.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;

/** An output folder that must not exist yet: files a user asked for never overwrite others. */
public final class NewFolder {
  private NewFolder() {}

  /**
   * @param writer what writes there, for the message ({@code "an export"})
   * @throws ConfigException when {@code out} exists (local, HDFS or S3)
   */
  public static void require(String out, String writer) {
    Path target = new Path(out);
    try {
      if (target.getFileSystem(SparkHadoopConf.current()).exists(target)) {
        throw new ConfigException(
            "--out " + out + " exists; " + writer + " never overwrites:" + " choose a new folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + out, e);
    }
  }
}
