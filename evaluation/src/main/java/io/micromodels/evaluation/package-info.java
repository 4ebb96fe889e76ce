/** Metrics, folds, gates, champion comparison and reports (issue 5). */
package io.micromodels.evaluation;
