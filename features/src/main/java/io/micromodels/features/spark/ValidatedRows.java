package io.micromodels.features.spark;

import io.micromodels.features.Event;
import io.micromodels.features.InputFormat;
import io.micromodels.features.Item;
import io.micromodels.features.PaymentMethod;
import io.micromodels.features.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The intermediate rows of ingest: every input row once, either as event columns (accepted) or
 * as a quarantine record (rejected), with where it came from.
 */
final class ValidatedRows {
  static final String ROW_HASH = "row_hash";
  static final String CLAIMED_CLIENT_ID = "claimed_client_id";

  /** Event columns (all nullable), then provenance and rejection columns. */
  static final StructType SCHEMA = schema();

  private ValidatedRows() {}

  static Row of(String sourceFile, Long lineNumber, String raw, InputFormat format,
      Validation validation) {
    Object[] values = new Object[SCHEMA.size()];
    int n = EventSchema.EVENTS.size();
    values[n] = sourceFile;
    values[n + 1] = lineNumber;
    values[n + 2] = (long) raw.hashCode();
    values[n + 3] = format.name();
    if (validation instanceof Validation.Accepted accepted) {
      fillEvent(values, accepted.event());
    } else {
      Validation.Rejected rejected = (Validation.Rejected) validation;
      values[n + 4] = rejected.reason().code();
      values[n + 5] = rejected.detail();
      values[n + 6] = raw;
      values[n + 7] = rejected.clientId();
      values[n + 8] = quarantineId(sourceFile, lineNumber, raw);
    }

    return RowFactory.create(values);
  }

  private static void fillEvent(Object[] v, Event e) {
    v[0] = e.clientId();
    v[1] = e.eventId();
    v[2] = e.eventType();
    v[3] = e.eventTime();
    v[4] = e.customerId();
    v[5] = e.email();
    v[6] = e.amount();
    v[7] = e.currency();
    v[8] = e.country();
    v[9] = items(e.items());
    v[10] = payment(e.paymentMethod());
    v[11] = e.ip();
    v[12] = e.deviceId();
    v[13] = JavaConverters.mapAsScalaMap(e.attributes());
    v[14] = e.refEventId();
    v[15] = e.label();
    v[16] = e.liveScore();
    v[17] = e.liveAction();
    v[18] = e.eventTime().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static Object items(List<Item> items) {
    List<Row> rows = new ArrayList<>(items.size());
    for (Item item : items) {
      rows.add(RowFactory.create(item.name(), item.category(), item.price(), item.quantity()));
    }

    return JavaConverters.asScalaBuffer(rows).toSeq();
  }

  private static Row payment(PaymentMethod p) {
    return p == null ? null : RowFactory.create(p.fingerprint(), p.type(), p.bin(), p.country());
  }

  /** Stable id of a rejected row, so re-ingesting the same file quarantines it only once. */
  static String quarantineId(String sourceFile, Long lineNumber, String raw) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(sourceFile.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(lineNumber).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : EventSchema.EVENTS.fields()) {
      fields.add(EventSchema.field(f.name(), f.dataType()));
    }

    fields.add(EventSchema.field(EventSchema.SOURCE_FILE, DataTypes.StringType));
    fields.add(EventSchema.field(EventSchema.LINE_NUMBER, DataTypes.LongType));
    fields.add(EventSchema.field(ROW_HASH, DataTypes.LongType));
    fields.add(EventSchema.field(EventSchema.INPUT_FORMAT, DataTypes.StringType));
    fields.add(EventSchema.field(EventSchema.REASON_CODE, DataTypes.StringType));
    fields.add(EventSchema.field(EventSchema.REASON, DataTypes.StringType));
    fields.add(EventSchema.field(EventSchema.RAW, DataTypes.StringType));
    fields.add(EventSchema.field(CLAIMED_CLIENT_ID, DataTypes.StringType));
    fields.add(EventSchema.field(EventSchema.QUARANTINE_ID, DataTypes.StringType));
    return new StructType(fields.toArray(StructField[]::new));
  }
}
