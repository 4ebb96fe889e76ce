package io.micromodels.features.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a job uses, with Delta Lake enabled. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Gets or creates the session for these settings. Under {@code spark-submit} (which sets the
   * {@code spark.master} system property) the submitted master wins over {@code settings}. Local
   * masters get small shuffles.
   */
  public static SparkSession create(String appName, SparkSettings settings) {
    String master = System.getProperty("spark.master", settings.master());
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .master(master)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            // Rows carry java.time values (Instant, LocalDate), the types of our records.
            .config("spark.sql.datetime.java8API.enabled", "true")
            // One file per table partition and task when a MERGE inserts into a partitioned table.
            .config("spark.databricks.delta.merge.repartitionBeforeWrite.enabled", "true")
            // Delta 3.3 answers min/max from file statistics with java.sql.Date values, which
            // the java.time row API above cannot take (ClassCastException on min(event_date)).
            .config("spark.databricks.delta.optimizeMetadataQuery.enabled", "false")
            .config("spark.sql.warehouse.dir", settings.tablePath("spark-warehouse"))
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
    if (master.startsWith("local")) {
      int cores = Runtime.getRuntime().availableProcessors();
      builder
          .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, cores * 2)))
          .config("spark.ui.showConsoleProgress", "false");
    }

    settings.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
