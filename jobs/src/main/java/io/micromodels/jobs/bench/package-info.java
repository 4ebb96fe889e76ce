/**
 * Benchmarks: each compares our path with a baseline in the same JVM and Spark session and writes
 * its figures with the machine's facts (docs/benchmarks.md). Not run by the tests.
 */
package io.micromodels.jobs.bench;
