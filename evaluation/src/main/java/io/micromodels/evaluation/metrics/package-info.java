/**
 * Plain-Java evaluation metrics over one client's held-out rows: ranking and calibration ({@link
 * io.micromodels.evaluation.metrics.BinaryMetrics}, {@link
 * io.micromodels.evaluation.metrics.PrecisionAtK}), champion comparison ({@link
 * io.micromodels.evaluation.metrics.ScoreComparison}, {@link
 * io.micromodels.evaluation.metrics.TransitionMatrix}, {@link
 * io.micromodels.evaluation.metrics.ActionChangeReasons}), policy impact ({@link
 * io.micromodels.evaluation.metrics.PolicyMetrics}), uncertainty ({@link
 * io.micromodels.evaluation.metrics.Bootstrap}) and label maturity ({@link
 * io.micromodels.evaluation.metrics.LabelCompleteness}).
 *
 * <p>Everything here runs inside a Spark task on arrays or lists of one client's rows, so it is O(n
 * log n), allocation-light and free of Spark types. Definitions follow scikit-learn, scipy and
 * numpy; docs/metrics.md lists them with their edge cases, and the tests compare against fixtures
 * computed with those libraries.
 */
package io.micromodels.evaluation.metrics;
