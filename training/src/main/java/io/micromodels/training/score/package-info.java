/**
 * Scoring with a trained model ({@link io.micromodels.training.score.Scorer}) and fitting the
 * stability map that keeps what a client relies on (block rate at its threshold, or fraud rate at a
 * score) in place across releases. The 0-100 scale and the map themselves are part of the artifact
 * ({@link io.micromodels.training.artifact.ScoreScale}, {@link
 * io.micromodels.training.artifact.StabilityMap}), so the artifact package depends on nothing here
 * and the two packages have no cycle.
 */
package io.micromodels.training.score;
