/**
 * Fitting logistic regressions and choosing their regularisation: the {@link
 * io.micromodels.training.fit.Solver} objective, LIBLINEAR's solver, the validation-loss path and
 * the one-standard-error rule. Plain Java; the MLlib solver lives in {@code training.spark}.
 */
package io.micromodels.training.fit;
