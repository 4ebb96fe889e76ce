package io.micromodels.features.spark;

import static io.micromodels.features.EventFields.*;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas of the {@code events} and {@code quarantine} Delta tables. */
public final class EventSchema {
  public static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  public static final StructType ITEM =
      struct(
          field("name", DataTypes.StringType),
          field("category", DataTypes.StringType),
          field("price", MONEY),
          field("quantity", DataTypes.IntegerType));

  public static final StructType PAYMENT_METHOD_TYPE =
      struct(
          field("fingerprint", DataTypes.StringType),
          field("type", DataTypes.StringType),
          field("bin", DataTypes.StringType),
          field("country", DataTypes.StringType));

  /** The event columns of DESIGN.md §3.1, in contract order, then {@code event_date}. */
  public static final StructType EVENTS =
      struct(
          required(CLIENT_ID, DataTypes.StringType),
          required(EVENT_ID, DataTypes.StringType),
          required(EVENT_TYPE, DataTypes.StringType),
          required(EVENT_TIME, DataTypes.TimestampType),
          field(CUSTOMER_ID, DataTypes.StringType),
          field(EMAIL, DataTypes.StringType),
          field(AMOUNT, MONEY),
          field(CURRENCY, DataTypes.StringType),
          field(COUNTRY, DataTypes.StringType),
          field(ITEMS, DataTypes.createArrayType(ITEM, false)),
          field(PAYMENT_METHOD, PAYMENT_METHOD_TYPE),
          field(IP, DataTypes.StringType),
          field(DEVICE_ID, DataTypes.StringType),
          field(
              ATTRIBUTES,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false)),
          field(REF_EVENT_ID, DataTypes.StringType),
          field(LABEL, DataTypes.IntegerType),
          field(LIVE_SCORE, DataTypes.DoubleType),
          field(LIVE_ACTION, DataTypes.StringType),
          required(EVENT_DATE, DataTypes.DateType));

  public static final String QUARANTINE_ID = "quarantine_id";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String INPUT_FORMAT = "input_format";
  public static final String REASON_CODE = "reason_code";
  public static final String REASON = "reason";
  public static final String RAW = "raw";
  public static final String QUARANTINED_AT = "quarantined_at";

  /**
   * One row per rejected input row: the raw text, why, and where it came from. {@code client_id} is
   * what the row claimed (possibly the invalid part), so it is a plain column, never a path.
   */
  public static final StructType QUARANTINE =
      struct(
          required(QUARANTINE_ID, DataTypes.StringType),
          field(CLIENT_ID, DataTypes.StringType),
          required(SOURCE_FILE, DataTypes.StringType),
          field(LINE_NUMBER, DataTypes.LongType),
          required(INPUT_FORMAT, DataTypes.StringType),
          required(REASON_CODE, DataTypes.StringType),
          required(REASON, DataTypes.StringType),
          required(RAW, DataTypes.StringType),
          required(QUARANTINED_AT, DataTypes.TimestampType));

  private EventSchema() {}

  static StructType struct(StructField... fields) {
    return new StructType(fields);
  }

  static StructField field(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  static StructField required(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }
}
