/**
 * The 0-100 score: the probability-to-score scale chosen in config and the stability map that
 * keeps what a client relies on (block rate at its threshold, or fraud rate at a score) in place
 * across releases. Plain Java, serialised into {@code model.json}.
 */
package io.micromodels.training.score;
