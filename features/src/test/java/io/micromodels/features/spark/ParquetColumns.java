package io.micromodels.features.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** What a Parquet file's footer says about one of its columns. */
final class ParquetColumns {
  private ParquetColumns() {}

  /** The encodings of the column's chunk in the file's first row group. */
  static Set<Encoding> encodings(Path file, String column) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      BlockMetaData block = reader.getFooter().getBlocks().get(0);
      return block.getColumns().stream()
          .filter(c -> c.getPath().toDotString().equals(column))
          .map(ColumnChunkMetaData::getEncodings)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(column + " not in " + file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
