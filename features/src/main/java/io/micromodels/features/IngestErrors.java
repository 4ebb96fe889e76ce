package io.micromodels.features;

/**
 * User-facing errors of ingest, kept together so their messages are reviewed together. What is
 * wrong with the paths given is a {@link ConfigException} (bad usage: the CLI exits 2), found
 * before Spark starts.
 */
public final class IngestErrors {
  private IngestErrors() {}

  public static ConfigException missingInput(String path) {
    return new ConfigException(
        "Cannot ingest " + path + ": no such file or directory. Check the path.");
  }

  public static ConfigException unknownFormat(String path) {
    return new ConfigException(
        "Cannot ingest "
            + path
            + ": unknown format. Name files *.jsonl, *.ndjson, *.json, *.csv"
            + " or *.parquet (optionally .gz).");
  }

  public static ConfigException noInputFiles(String paths) {
    return new ConfigException(
        "Cannot ingest " + paths + ": no event-log files found (*.jsonl, *.csv, *.parquet, .gz).");
  }

  public static MicromodelsException unreadable(String path, Throwable cause) {
    return new MicromodelsException(
        "Cannot read input file "
            + path
            + ": "
            + cause
            + ". Nothing was written; fix or remove"
            + " the file and run ingest again.",
        cause);
  }

  public static MicromodelsException emptyCsvHeader(String path) {
    return new MicromodelsException(
        "Cannot read CSV file "
            + path
            + ": its first line must be a header naming the columns."
            + " Nothing was written.");
  }

  public static MicromodelsException unreadableParquet(String paths, Throwable cause) {
    return new MicromodelsException(
        "Cannot read Parquet input "
            + paths
            + ": "
            + cause
            + ". Nothing was written; fix or remove the file and run ingest again.",
        cause);
  }

  public static MicromodelsException fileTooLarge(String path, long maxFileBytes) {
    return new MicromodelsException(
        "Cannot ingest "
            + path
            + ": it holds more than "
            + maxFileBytes
            + " bytes once"
            + " decompressed (--max-file-bytes), a compression bomb or a file to split. Nothing"
            + " was written.");
  }

  public static MicromodelsException csvHeaderTooLong(String path, int maxRowBytes) {
    return new MicromodelsException(
        "Cannot read CSV file "
            + path
            + ": its header line is longer than "
            + maxRowBytes
            + " bytes (--max-row-bytes). Nothing was written.");
  }

  /** A read failure that names no file of its own: all candidate files are listed. */
  public static MicromodelsException unreadableInput(String paths, Throwable cause) {
    return new MicromodelsException(
        "Cannot read input "
            + paths
            + ": "
            + cause
            + ". Nothing was written; fix or remove the"
            + " file and run ingest again.",
        cause);
  }
}
