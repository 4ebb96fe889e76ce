package io.micromodels.evaluation.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Scores held-out feature rows inside the tasks, each client's models read once per task from its
 * plan's files (the rows come partitioned by client, so a task reads only its clients').
 */
final class ScoreEventsFunction implements MapPartitionsFunction<Row, KeyedEvent> {
  private final Broadcast<Map<String, ClientPlan>> plans;

  ScoreEventsFunction(Broadcast<Map<String, ClientPlan>> plans) {
    this.plans = plans;
  }

  @Override
  public Iterator<KeyedEvent> call(Iterator<Row> rows) {
    Map<String, ClientPlan> plans = this.plans.value();
    Map<String, LoadedClient> loaded = new HashMap<>();
    List<KeyedEvent> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String client = row.getString(row.fieldIndex("client_id"));
      loaded
          .computeIfAbsent(client, id -> LoadedClient.load(id, plans.get(id)))
          .score(row)
          .ifPresent(e -> out.add(new KeyedEvent(client, e)));
    }

    return out.iterator();
  }
}
