package io.micromodels.features.spark;

import io.micromodels.features.Event;
import io.micromodels.features.InputFormat;
import io.micromodels.features.Item;
import io.micromodels.features.PaymentMethod;
import io.micromodels.features.Validation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The intermediate rows of ingest: every input row once, either as event columns (accepted) or as a
 * quarantine record (rejected), with where it came from.
 */
final class ValidatedRows {
  static final String ROW_HASH = "row_hash";
  static final String CLAIMED_CLIENT_ID = "claimed_client_id";

  /** Event columns (all nullable), then provenance and rejection columns. */
  static final StructType SCHEMA = schema();

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private ValidatedRows() {}

  /**
   * The row in Spark's internal form: the validated values go straight to the column types, with no
   * external {@code Row} and no encoder in between.
   */
  static InternalRow of(
      String sourceFile, Long lineNumber, String raw, InputFormat format, Validation validation) {
    Object[] values = new Object[SCHEMA.size()];
    int n = EventSchema.EVENTS.size();
    values[n] = UTF8String.fromString(sourceFile);
    values[n + 1] = lineNumber;
    values[n + 2] = (long) raw.hashCode();
    values[n + 3] = UTF8String.fromString(format.name());
    if (validation instanceof Validation.Accepted accepted) {
      fillEvent(values, accepted.event());
    } else {
      Validation.Rejected rejected = (Validation.Rejected) validation;
      values[n + 4] = UTF8String.fromString(rejected.reason().code());
      values[n + 5] = UTF8String.fromString(rejected.detail());
      values[n + 6] = UTF8String.fromString(raw);
      values[n + 7] = UTF8String.fromString(rejected.clientId());
      values[n + 8] = UTF8String.fromString(quarantineId(sourceFile, lineNumber, raw));
    }

    return new GenericInternalRow(values);
  }

  private static void fillEvent(Object[] v, Event e) {
    long micros = DateTimeUtils.instantToMicros(e.eventTime());
    v[0] = UTF8String.fromString(e.clientId());
    v[1] = UTF8String.fromString(e.eventId());
    v[2] = UTF8String.fromString(e.eventType());
    v[3] = micros;
    v[4] = UTF8String.fromString(e.customerId());
    v[5] = UTF8String.fromString(e.email());
    v[6] = money(e.amount());
    v[7] = UTF8String.fromString(e.currency());
    v[8] = UTF8String.fromString(e.country());
    v[9] = items(e.items());
    v[10] = payment(e.paymentMethod());
    v[11] = UTF8String.fromString(e.ip());
    v[12] = UTF8String.fromString(e.deviceId());
    v[13] = attributes(e.attributes());
    v[14] = UTF8String.fromString(e.refEventId());
    v[15] = e.label();
    v[16] = e.liveScore();
    v[17] = UTF8String.fromString(e.liveAction());
    v[18] = (int) Math.floorDiv(micros, MICROS_PER_DAY);
  }

  /** Validated amounts have scale 2 and fewer than 17 integer digits: decimal(18,2) holds them. */
  private static Decimal money(BigDecimal amount) {
    return amount == null
        ? null
        : Decimal.apply(amount, EventSchema.MONEY.precision(), EventSchema.MONEY.scale());
  }

  private static ArrayData items(List<Item> items) {
    Object[] rows = new Object[items.size()];
    for (int i = 0; i < rows.length; i++) {
      Item item = items.get(i);
      rows[i] =
          new GenericInternalRow(
              new Object[] {
                UTF8String.fromString(item.name()), UTF8String.fromString(item.category()),
                money(item.price()), item.quantity()
              });
    }

    return new GenericArrayData(rows);
  }

  private static InternalRow payment(PaymentMethod p) {
    return p == null
        ? null
        : new GenericInternalRow(
            new Object[] {
              UTF8String.fromString(p.fingerprint()), UTF8String.fromString(p.type()),
              UTF8String.fromString(p.bin()), UTF8String.fromString(p.country())
            });
  }

  private static MapData attributes(Map<String, String> attributes) {
    Object[] keys = new Object[attributes.size()];
    Object[] values = new Object[attributes.size()];
    int i = 0;
    // In key order: the event's map (Map.copyOf) iterates in an order salted per JVM, which
    // made the same event's stored map differ between executors (docs/reliability.md).
    for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
      keys[i] = UTF8String.fromString(entry.getKey());
      values[i++] = UTF8String.fromString(entry.getValue());
    }

    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
  }

  /**
   * The validated rows as a DataFrame of {@link #SCHEMA}. Spark's internal entry point: the rows
   * are already in its internal form, so the public {@code createDataFrame} would only add a
   * conversion per row.
   */
  static Dataset<Row> dataFrame(SparkSession spark, JavaRDD<InternalRow> rows) {
    return spark.internalCreateDataFrame(rows.rdd(), SCHEMA, false);
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
