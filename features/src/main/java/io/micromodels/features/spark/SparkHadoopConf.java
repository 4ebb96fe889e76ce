package io.micromodels.features.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * The Hadoop configuration of the running Spark application, on the driver and in tasks alike:
 * Hadoop's defaults plus the application's {@code spark.hadoop.*} settings (S3A endpoints,
 * credentials providers, ...), as Spark builds it. A bare {@code new Configuration()} would miss
 * those settings, so files written outside DataFrame writers would go to the wrong store or fail on
 * a cluster.
 */
public final class SparkHadoopConf {
  private SparkHadoopConf() {}

  public static Configuration current() {
    SparkEnv env = SparkEnv.get();
    return env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf());
  }

  /**
   * The Hadoop configuration a session built from {@code settings} will have, without starting one:
   * so input paths can be checked before Spark starts (a usage error costs no Spark start). Like a
   * session, it takes {@code spark.*} system properties ({@code spark-submit --conf}).
   */
  public static Configuration of(SparkSettings settings) {
    SparkConf conf = new SparkConf();
    settings.conf().forEach(conf::set);
    return SparkHadoopUtil.get().newConfiguration(conf);
  }
}
