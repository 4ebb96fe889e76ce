/**
 * The Spark-free scorer jar's own code: the JSON Lines front end ({@link
 * io.micromodels.scorer.ScoreLines}) and its command line ({@link
 * io.micromodels.scorer.ScorerMain}). Scoring itself is {@link
 * io.micromodels.training.score.Scorer}, the class training, backtests and the Spark batch path use
 * too; nothing here may need Spark (the module's enforcer rule checks it).
 */
package io.micromodels.scorer;
