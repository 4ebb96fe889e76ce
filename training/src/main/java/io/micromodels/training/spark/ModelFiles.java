package io.micromodels.training.spark;

import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;

/**
 * Writes {@code <dir>/<client>/model.json} through Hadoop's file systems, from the task that
 * trained the client (models stay out of the driver). A temporary file renamed into place, so a
 * reader never sees half a model.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** The global model with the client's own scale and policy, written beside its model. */
  public static final String PARENT_FILE_NAME = "parent.json";

  static String write(String dir, ClientModel model, String fileName) {
    Path target = new Path(new Path(dir, model.clientId()), fileName);
    try {
      writeAtomically(
          target.toString(), ModelFormat.toJson(model).getBytes(StandardCharsets.UTF_8));
      return target.toString();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot write model of client " + model.clientId() + " to " + target, e.getCause());
    }
  }

  /**
   * Writes a file through Hadoop's file systems to a temporary name and renames it into place, so a
   * reader never sees half of it (models here, backtest reports in the evaluation module).
   */
  public static void writeAtomically(String file, byte[] content) {
    try (AtomicFile atomic = AtomicFile.create(file)) {
      atomic.stream().write(content);
      atomic.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
