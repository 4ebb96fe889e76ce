package io.micromodels.training.spark;

import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * Converts a feature-table row into the {@link MapInput} the plain-Java featurizers and the scorer
 * read, exactly as a live service would hand the same values over: arrays become lists, the {@code
 * attributes} map becomes {@code attributes.<key>} columns, times become ISO text.
 */
public final class RowInputs {
  private RowInputs() {}

  public static ModelInput of(Row row) {
    StructField[] fields = row.schema().fields();
    Map<String, Object> values = new HashMap<>(fields.length * 2);
    for (int i = 0; i < fields.length; i++) {
      if (row.isNullAt(i)) {
        continue;
      }

      Object value = row.get(i);
      String name = fields[i].name();
      if (value instanceof scala.collection.Map<?, ?> map) {
        JavaConverters.mapAsJavaMap(map).forEach((k, v) -> values.put(name + "." + k, v));
      } else if (value instanceof scala.collection.Seq<?> seq) {
        values.put(name, new ArrayList<>(JavaConverters.seqAsJavaList(seq)));
      } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
        values.put(name, value);
      } else {
        values.put(name, value.toString());
      }
    }

    return new MapInput(values);
  }

  /** The inputs of several rows. */
  public static List<ModelInput> of(List<Row> rows) {
    return rows.stream().map(RowInputs::of).toList();
  }
}
