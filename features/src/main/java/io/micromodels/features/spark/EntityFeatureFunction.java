package io.micromodels.features.spark;

import io.micromodels.features.config.FeatureSpec;
import io.micromodels.features.history.EntityTimeline;
import io.micromodels.features.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs {@link EntityTimeline} over a partition of one entity's streams, sorted by (client, entity
 * key, time, event id), and emits the feature values of the decision events inside the output
 * range: one row per event with all of the stream's (feature, value) entries ({@link
 * FeatureRows#VALUE_SCHEMA}). Input columns: client_id, entity_key, time_micros, event_id,
 * event_type, decision, amount, fraud_label_micros, then the distinct-count columns in {@code
 * valueColumns} order.
 */
final class EntityFeatureFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final Map<String, List<FeatureSpec>> specsByClient;
  private final Map<String, Set<String>> decisionTypes;
  private final List<String> valueColumns;
  private final long fromMicros;
  private final long untilMicros;

  EntityFeatureFunction(
      Map<String, List<FeatureSpec>> specsByClient,
      Map<String, Set<String>> decisionTypes,
      List<String> valueColumns,
      long fromMicros,
      long untilMicros) {
    this.specsByClient = Map.copyOf(specsByClient);
    this.decisionTypes = Map.copyOf(decisionTypes);
    this.valueColumns = List.copyOf(valueColumns);
    this.fromMicros = fromMicros;
    this.untilMicros = untilMicros;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private final List<Row> ready = new ArrayList<>();
      private int next;
      private String client;
      private String key;
      private EntityTimeline timeline;
      private List<String> columns;

      @Override
      public boolean hasNext() {
        while (next == ready.size() && rows.hasNext()) {
          ready.clear();
          next = 0;
          consume(rows.next());
        }

        return next < ready.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }

        return ready.get(next++);
      }

      private void consume(Row row) {
        String rowClient = row.getString(0);
        String rowKey = row.getString(1);
        if (!rowClient.equals(client) || !rowKey.equals(key)) {
          client = rowClient;
          key = rowKey;
          timeline = new EntityTimeline(specsByClient.get(client), decisionTypes.get(client));
          columns = timeline.columns();
        }

        HistoryEvent event = event(row);
        Double[] values = timeline.observe(event);
        if (values != null && event.time() >= fromMicros && event.time() < untilMicros) {
          Row[] entries = new Row[values.length];
          for (int i = 0; i < values.length; i++) {
            entries[i] = RowFactory.create(columns.get(i), values[i]);
          }
          ready.add(RowFactory.create(client, event.eventId(), entries));
        }
      }
    };
  }

  private HistoryEvent event(Row row) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < valueColumns.size(); i++) {
      if (!row.isNullAt(8 + i)) {
        values.put(valueColumns.get(i), row.getString(8 + i));
      }
    }

    return new HistoryEvent(
        row.getLong(2),
        row.getString(3),
        row.getString(4),
        row.getBoolean(5),
        row.isNullAt(6) ? null : row.getDouble(6),
        values,
        row.isNullAt(7) ? null : row.getLong(7));
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
