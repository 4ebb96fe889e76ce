/**
 * Featurizers: plain-Java, deterministic functions from a decision event to a sparse vector, the
 * same in training, backtests and the live scorer; signed feature hashing with our own MurmurHash3
 * (never Spark's), versioned in {@link io.micromodels.training.featurize.HashingSpec}; and the
 * bundled disposable-email-domain list. See docs/micromodels.md.
 */
package io.micromodels.training.featurize;
