package io.micromodels.training.fit;

/**
 * Fits an L2-regularised logistic regression with an unregularised intercept, in LIBLINEAR's
 * convention: minimise {@code 0.5 |w|^2 + C * sum_i logloss_i}. Smaller C, stronger regularisation.
 * Every solver (LIBLINEAR in one task, MLlib distributed) solves this same objective, so their
 * models agree up to the solvers' tolerance.
 */
public interface Solver {
  LogisticModel fit(Design design, double c);
}
