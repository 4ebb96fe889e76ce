/**
 * The action policy: a fitted, serialisable rule from a score and a decision event to ALLOW, REVIEW
 * or PREVENT, compiled from the client's {@code policy} config (thresholds with segment exceptions,
 * a global threshold, or thresholds derived from per-region block-rate targets).
 */
package io.micromodels.training.policy;
