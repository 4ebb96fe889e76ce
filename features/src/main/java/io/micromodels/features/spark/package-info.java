/** Spark adaptors of the features module: session set-up, ingest, feature extraction. */
package io.micromodels.features.spark;
