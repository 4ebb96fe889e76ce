/**
 * Per-client training on Spark: the MLlib solver for clients too large for one task and for pooled
 * global micromodels. Converts DataFrames to the plain-Java model records at the boundary.
 */
package io.micromodels.training.spark;
