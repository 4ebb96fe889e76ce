/** Generates sample shards in parallel on Spark, each task writing its own file. */
package io.micromodels.jobs.sample.spark;
