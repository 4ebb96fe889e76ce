package io.micromodels.features.spark;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;

/**
 * Spark expressions of the columns features name: event columns, {@code payment_method.<field>},
 * {@code attributes.<key>} and the derived {@code email_domain}. Empty strings count as missing.
 */
final class EntityColumns {
  private EntityColumns() {}

  static Column of(String name) {
    Column value;
    if (name.equals("email_domain")) {
      value = emailDomain();
    } else if (name.startsWith("attributes.")) {
      value = element_at(col("attributes"), lit(name.substring("attributes.".length())));
    } else if (name.startsWith("payment_method.")) {
      value = col("payment_method").getField(name.substring("payment_method.".length()));
    } else {
      value = col(name);
    }

    Column text = value.cast("string");
    return when(text.equalTo(lit("")), lit(null).cast("string")).otherwise(text);
  }

  /** Lower-cased text after the last {@code @}, or null when the email has none. */
  static Column emailDomain() {
    return when(col("email").contains("@"), lower(substring_index(col("email"), "@", -1)));
  }
}
