package io.micromodels.registry.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Scan;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.micromodels.registry.IndexReads;
import io.micromodels.registry.IndexRows;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryException;
import io.micromodels.registry.RegistryState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the registry index with Delta Kernel, the Delta project's library for reading a table
 * without Spark: the read-only registry commands ({@code list}, {@code show}, {@code history},
 * {@code feed}) answer in about a second instead of starting Spark for a tiny table.
 *
 * <p>The history comes from the commit files of {@code _delta_log} (Kernel has no history API):
 * each version's Delta operation from its {@code commitInfo}, and its time as Delta's own history
 * gives it, the commit file's modification time, made increasing.
 */
public final class KernelIndex implements IndexReads {
  private static final Pattern COMMIT_FILE = Pattern.compile("[0-9]{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration conf;
  private final String path;
  private final Engine engine;

  public KernelIndex(Configuration conf, String path) {
    this.conf = conf;
    this.path = path;
    this.engine = DefaultEngine.create(conf);
  }

  @Override
  public IndexReads.Snapshot read() {
    try {
      io.delta.kernel.Snapshot snapshot = Table.forPath(engine, path).getLatestSnapshot(engine);
      return new IndexReads.Snapshot(snapshot.getVersion(engine), state(snapshot));
    } catch (TableNotFoundException absent) {
      return new IndexReads.Snapshot(-1, RegistryState.empty());
    }
  }

  @Override
  public IndexReads.Snapshot readAt(long tableVersion) {
    try {
      return new IndexReads.Snapshot(
          tableVersion,
          state(Table.forPath(engine, path).getSnapshotAsOfVersion(engine, tableVersion)));
    } catch (TableNotFoundException absent) {
      throw new RegistryException("The registry index " + path + " does not exist.", absent);
    }
  }

  @Override
  public List<IndexReads.IndexVersion> history() {
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      if (!fs.exists(log)) {
        return List.of();
      }

      List<FileStatus> commits = new ArrayList<>();
      for (FileStatus f : fs.listStatus(log)) {
        if (COMMIT_FILE.matcher(f.getPath().getName()).matches()) {
          commits.add(f);
        }
      }

      commits.sort(Comparator.comparing(f -> f.getPath().getName()));
      List<IndexReads.IndexVersion> versions = new ArrayList<>();
      long previous = Long.MIN_VALUE;
      for (FileStatus commit : commits) {
        long time = Math.max(commit.getModificationTime(), previous + 1);
        previous = time;
        String name = commit.getPath().getName();
        versions.add(
            new IndexReads.IndexVersion(
                Long.parseLong(name.substring(0, 20)),
                Instant.ofEpochMilli(time),
                operation(fs, commit.getPath())));
      }

      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the history of " + path, e);
    }
  }

  private static String operation(FileSystem fs, Path commit) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode action = JSON.readTree(line);
        if (action.has("commitInfo")) {
          return action.get("commitInfo").path("operation").asText();
        }
      }
    }

    return "";
  }

  /** Every row of a snapshot, as events replayed into a state. */
  private RegistryState state(io.delta.kernel.Snapshot snapshot) {
    Scan scan = snapshot.getScanBuilder(engine).build();
    Row scanState = scan.getScanState(engine);
    StructType readSchema = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
    List<RegistryEvent> events = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
          while (scanFiles.hasNext()) {
            readFile(scanState, scanFiles.next(), readSchema, events);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the registry index " + path, e);
    }

    return RegistryState.replay(events);
  }

  private void readFile(
      Row scanState, Row scanFile, StructType readSchema, List<RegistryEvent> events)
      throws IOException {
    try (CloseableIterator<FilteredColumnarBatch> data =
        Scan.transformPhysicalData(
            engine,
            scanState,
            scanFile,
            engine
                .getParquetHandler()
                .readParquetFiles(
                    Utils.singletonCloseableIterator(
                        InternalScanFileUtils.getAddFileStatus(scanFile)),
                    readSchema,
                    Optional.empty()))) {
      while (data.hasNext()) {
        try (CloseableIterator<Row> rows = data.next().getRows()) {
          while (rows.hasNext()) {
            Row row = rows.next();
            events.add(IndexRows.event(column -> value(row, column)));
          }
        }
      }
    }
  }

  /** A column's value: timestamps (microseconds in Kernel) as instants. */
  private static Object value(Row row, String column) {
    int i = row.getSchema().indexOf(column);
    if (i < 0 || row.isNullAt(i)) {
      return null;
    }

    DataType type = row.getSchema().at(i).getDataType();
    if (type instanceof StringType) {
      return row.getString(i);
    } else if (type instanceof LongType) {
      return row.getLong(i);
    } else if (type instanceof IntegerType) {
      return row.getInt(i);
    } else if (type instanceof TimestampType) {
      return Instant.EPOCH.plus(row.getLong(i), ChronoUnit.MICROS);
    }

    throw new IllegalStateException("registry index column " + column + " has type " + type);
  }
}
