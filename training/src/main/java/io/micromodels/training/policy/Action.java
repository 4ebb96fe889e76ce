package io.micromodels.training.policy;

/** What the live system does with a decision event. */
public enum Action {
  ALLOW,
  REVIEW,
  PREVENT
}
