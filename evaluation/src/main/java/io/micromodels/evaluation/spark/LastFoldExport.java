package io.micromodels.evaluation.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.micromodels.evaluation.backtest.Fold;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.spark.RowInputs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the last walk-forward fold's training and test rows of each client, as the backtest
 * trained and scored them ({@link BacktestJob.LastFold}), for baselines outside the JVM (the
 * model-quality benchmark, {@code micromodels bench quality}): {@code <dir>/<client>/train.parquet}
 * and {@code test.parquet} (Spark folders of one file), and the same rows as {@code train.csv.gz} /
 * {@code test.csv.gz} (header, empty cell for a missing value) for readers without a Parquet
 * library.
 *
 * <p>Columns: {@code event_id, event_time, part} (train: {@code FIT} or {@code VALIDATION}, the
 * train job's split; test: {@code TEST}), {@code label} (0/1: train, a fraud label known at the
 * fold's cut-off; test, one known at the evaluation date), then the client's numeric model inputs
 * (see {@link #numericInputs}) as doubles, each read through {@link ModelInput#number} exactly as
 * the micromodels read it (absent or not finite: null), and on test rows {@code micromodels_score}
 * and {@code micromodels_probability}, the last fold's candidate's output from the backtest's own
 * scoring pass.
 */
public final class LastFoldExport {
  public static final String SCORE = "micromodels_score";
  public static final String PROBABILITY = "micromodels_probability";

  private LastFoldExport() {}

  /**
   * What was written for one client.
   *
   * @param inputs the numeric input columns, in file order
   * @param fold the last fold (its windows)
   */
  public record ClientRows(
      String clientId,
      List<String> inputs,
      Fold fold,
      long trainRows,
      long trainFrauds,
      long testRows,
      long testFrauds,
      Path directory) {}

  /**
   * The inputs of a client's numeric micromodels ({@code tabular}, {@code binned}), then its
   * combiner's raw features, without repeats: every numeric column its model reads. The text and
   * list inputs of the other types ({@code email}, {@code order_items}) are not exported.
   */
  public static List<String> numericInputs(ClientConfig config) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (MicromodelSpec spec : config.micromodels()) {
      if (spec.readsNumericColumns()) {
        names.addAll(spec.inputs());
      }
    }

    names.addAll(config.model().combinerRawFeatures());
    return List.copyOf(names);
  }

  /**
   * Writes every client of {@code last} under {@code dir}; fails when a test row was not scored.
   */
  public static List<ClientRows> write(BacktestJob.LastFold last, Path dir) {
    List<ClientRows> written = new ArrayList<>();
    for (ClientConfig c : last.clients()) {
      String id = c.clientId().value();
      List<String> inputs = numericInputs(c);
      List<Fold> folds = last.layouts().get(id).folds();
      Fold fold = folds.get(folds.size() - 1);
      Path client = dir.resolve(id);
      Dataset<Row> train =
          rows(last.trainRows().filter(col("client_id").equalTo(lit(id))), inputs, false);
      Dataset<Row> test =
          rows(
              last.testRows()
                  .filter(col("client_id").equalTo(lit(id)))
                  .join(
                      last.testScores().filter(col("client_id").equalTo(lit(id))),
                      new String[] {"client_id", "event_id"},
                      "left"),
              inputs,
              true);
      long[] trainCounts = write(train, client, "train");
      long[] testCounts = write(test, client, "test");
      written.add(
          new ClientRows(
              id,
              inputs,
              fold,
              trainCounts[0],
              trainCounts[1],
              testCounts[0],
              testCounts[1],
              client));
    }

    return written;
  }

  /** Rows and frauds written, after one Parquet and one CSV.gz file of the same sorted rows. */
  private static long[] write(Dataset<Row> rows, Path client, String name) {
    Dataset<Row> sorted = rows.orderBy("event_time", "event_id").coalesce(1);
    sorted.write().mode("overwrite").parquet(client.resolve(name + ".parquet").toString());
    long count = 0;
    long frauds = 0;
    StructType schema = sorted.schema();
    try {
      Files.createDirectories(client);
      try (BufferedWriter out =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(client.resolve(name + ".csv.gz"))),
                  StandardCharsets.UTF_8))) {
        out.write(String.join(",", schema.fieldNames()));
        out.newLine();
        Iterator<Row> it = sorted.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < r.length(); i++) {
            if (i > 0) {
              line.append(',');
            }

            if (!r.isNullAt(i)) {
              line.append(csv(r.get(i).toString()));
            }
          }

          out.write(line.toString());
          out.newLine();
          count++;
          frauds += r.getInt(schema.fieldIndex("label"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return new long[] {count, frauds};
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? '"' + value.replace("\"", "\"\"") + '"'
        : value;
  }

  private static StructType schema(List<String> inputs, boolean test) {
    StructType schema =
        new StructType()
            .add("event_id", DataTypes.StringType, false)
            .add("event_time", DataTypes.TimestampType, false)
            .add("part", DataTypes.StringType, false)
            .add("label", DataTypes.IntegerType, false);
    for (String input : inputs) {
      schema = schema.add(input, DataTypes.DoubleType, true);
    }

    return test
        ? schema
            .add(SCORE, DataTypes.DoubleType, false)
            .add(PROBABILITY, DataTypes.DoubleType, false)
        : schema;
  }

  private static Dataset<Row> rows(Dataset<Row> source, List<String> inputs, boolean test) {
    return source.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            it -> {
              List<Row> out = new ArrayList<>();
              while (it.hasNext()) {
                Row row = it.next();
                ModelInput input = RowInputs.of(row);
                List<Object> values = new ArrayList<>(inputs.size() + 6);
                values.add(row.getString(row.fieldIndex("event_id")));
                values.add(row.<Instant>getAs("event_time"));
                if (test) {
                  if (row.isNullAt(row.fieldIndex("score"))) {
                    throw new IllegalStateException(
                        "test row "
                            + row.getString(row.fieldIndex("event_id"))
                            + " of "
                            + row.getString(row.fieldIndex("client_id"))
                            + " was not scored");
                  }

                  values.add("TEST");
                  values.add(row.isNullAt(row.fieldIndex("label_time")) ? 0 : 1);
                } else {
                  // the train job's own columns (TrainingColumns): its split and its 0/1 label
                  values.add(row.getString(row.fieldIndex("_part")));
                  values.add(row.getDouble(row.fieldIndex("_label")) > 0 ? 1 : 0);
                }

                for (String name : inputs) {
                  values.add(input.number(name));
                }

                if (test) {
                  values.add(row.getDouble(row.fieldIndex("score")));
                  values.add(row.getDouble(row.fieldIndex("probability")));
                }

                out.add(RowFactory.create(values.toArray()));
              }

              return out.iterator();
            },
        Encoders.row(schema(inputs, test)));
  }

  /** The windows of a fold, for a report. */
  public static Map<String, String> windows(Fold fold) {
    Map<String, String> w = new LinkedHashMap<>();
    w.put("train_start", fold.trainStart().toString());
    w.put("train_end", fold.trainEnd().toString());
    w.put("cutoff", fold.cutoff().toString());
    w.put("test_start", fold.testStart().toString());
    w.put("test_end", fold.testEnd().toString());
    return w;
  }
}
