package io.micromodels.features.spark;

import io.micromodels.features.CsvRecords;
import io.micromodels.features.EventValidator;
import io.micromodels.features.IngestErrors;
import io.micromodels.features.IngestLimits;
import io.micromodels.features.InputFile;
import io.micromodels.features.InputFormat;
import io.micromodels.features.Validation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Reads JSON Lines and CSV files line by line inside a task (one file per task, gzip and the
 * other Hadoop codecs decoded by extension) and validates every line. Line numbers are 1-based
 * and count the header of a CSV file; blank lines are not rows and are skipped. A file that
 * cannot be read fails the task with its path, so the whole ingest fails before writing.
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
    private final BufferedReader reader;
    private List<String> header;
    private long lineNumber;
    private String nextLine;

    FileRows(InputFile file, EventValidator validator) {
      this.file = file;
      this.validator = validator;
      this.reader = open(file);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> close());
      }

      if (file.format() == InputFormat.CSV) {
        String headerLine = read();
        header = headerLine == null ? null : CsvRecords.split(headerLine.strip());
        if (headerLine != null && (header == null || header.isEmpty())) {
          throw IngestErrors.emptyCsvHeader(file.path());
        }
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

      String line = nextLine;
      long number = lineNumber;
      Validation validation =
          file.format() == InputFormat.CSV
              ? validator.validateCsv(line, header)
              : validator.validate(line, file.format());
      advance();
      return ValidatedRows.of(file.path(), number, line, file.format(), validation);
    }

    private void advance() {
      String line;
      do {
        line = read();
      } while (line != null && line.isBlank());
      nextLine = line;
      if (line == null) {
        close();
      }
    }

    private String read() {
      try {
        String line = reader.readLine();
        if (line != null) {
          lineNumber++;
        }

        return line;
      } catch (IOException | UncheckedIOException e) {
        close();
        throw IngestErrors.unreadable(file.path(), e);
      }
    }

    private BufferedReader open(InputFile input) {
      try {
        Path path = new Path(input.path());
        FileSystem fs = path.getFileSystem(conf.get());
        InputStream in = fs.open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf.get()).getCodec(path);
        if (codec != null) {
          in = codec.createInputStream(in);
        }

        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      } catch (IOException e) {
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
