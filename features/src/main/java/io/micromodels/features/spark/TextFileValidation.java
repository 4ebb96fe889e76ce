package io.micromodels.features.spark;

import io.micromodels.features.BoundedLineReader;
import io.micromodels.features.CsvRecords;
import io.micromodels.features.EventValidator;
import io.micromodels.features.IngestErrors;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.InputFile;
import io.micromodels.features.InputFormat;
import io.micromodels.features.MicromodelsException;
import io.micromodels.features.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Reads JSON Lines and CSV files line by line inside a task (one file per task, gzip and the other
 * Hadoop codecs decoded by extension) and validates every line. Line numbers are 1-based and count
 * the header of a CSV file; blank lines are not rows and are skipped. Lines are read by {@link
 * BoundedLineReader}: an over-long line is quarantined from its first bytes and a file that
 * decompresses beyond {@link IngestLimits#maxFileBytes()} fails. A file that cannot be read fails
 * the task with its path, so the whole ingest fails before writing.
 */
final class TextFileValidation implements FlatMapFunction<Iterator<InputFile>, InternalRow> {
  private static final long serialVersionUID = 1L;
  private final HadoopConf conf;
  private final IngestLimits limits;

  TextFileValidation(HadoopConf conf, IngestLimits limits) {
    this.conf = conf;
    this.limits = limits;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InputFile> files) {
    EventValidator validator = new EventValidator(limits);
    return new Iterator<>() {
      private FileRows current;

      @Override
      public boolean hasNext() {
        while ((current == null || !current.hasNext()) && files.hasNext()) {
          current = new FileRows(files.next(), validator);
        }

        return current != null && current.hasNext();
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }

        return current.next();
      }
    };
  }

  /** The validated rows of one file, read lazily so a large file never sits in memory. */
  private final class FileRows implements Iterator<InternalRow> {
    private final InputFile file;
    private final EventValidator validator;
    private final BoundedLineReader reader;
    private List<String> header;
    private BoundedLineReader.Line nextLine;

    FileRows(InputFile file, EventValidator validator) {
      this.file = file;
      this.validator = validator;
      this.reader = open(file);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener(
            (org.apache.spark.util.TaskCompletionListener) context -> close());
      }

      if (file.format() == InputFormat.CSV) {
        readHeader();
      }

      advance();
    }

    @Override
    public boolean hasNext() {
      return nextLine != null;
    }

    @Override
    public InternalRow next() {
      if (nextLine == null) {
        throw new NoSuchElementException();
      }

      BoundedLineReader.Line line = nextLine;
      advance();
      return ValidatedRows.of(
          file.path(), line.number(), line.text(), file.format(), validate(line));
    }

    private Validation validate(BoundedLineReader.Line line) {
      if (!line.complete()) {
        return validator.oversized(line.bytes());
      }

      return file.format() == InputFormat.CSV
          ? validator.validateCsv(line.text(), header)
          : validator.validate(line.text(), file.format());
    }

    private void readHeader() {
      BoundedLineReader.Line line = read();
      if (line == null) {
        return;
      }

      if (!line.complete()) {
        throw IngestErrors.csvHeaderTooLong(file.path(), limits.maxRowBytes());
      }

      header = CsvRecords.split(line.text().strip());
      if (header == null || header.isEmpty()) {
        throw IngestErrors.emptyCsvHeader(file.path());
      }
    }

    /** Moves to the next row: blank lines are not rows (an over-long line always is one). */
    private void advance() {
      BoundedLineReader.Line line;
      do {
        line = read();
      } while (line != null && line.complete() && line.text().isBlank());
      nextLine = line;
      if (line == null) {
        close();
      }
    }

    private BoundedLineReader.Line read() {
      try {
        return reader.next();
      } catch (MicromodelsException e) {
        close();
        throw e;
      } catch (IOException | RuntimeException e) {
        // Any failure of the codec or the file system names the file: the task's exception is
        // what the driver reports.
        close();
        throw IngestErrors.unreadable(file.path(), e);
      }
    }

    private BoundedLineReader open(InputFile input) {
      try {
        Path path = new Path(input.path());
        FileSystem fs = path.getFileSystem(conf.get());
        InputStream in = fs.open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf.get()).getCodec(path);
        if (codec != null) {
          in = codec.createInputStream(in);
        }

        return new BoundedLineReader(in, input.path(), limits.maxRowBytes(), limits.maxFileBytes());
      } catch (IOException | RuntimeException e) {
        throw IngestErrors.unreadable(input.path(), e);
      }
    }

    private void close() {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Closing after a read failure: the read failure is what the user needs to see.
      }
    }
  }
}
