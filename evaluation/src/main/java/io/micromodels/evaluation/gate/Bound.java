package io.micromodels.evaluation.gate;

import io.micromodels.features.config.GateSpec;

/** The four bounds a {@link GateSpec} can set, named by their config keys. */
enum Bound {
  MIN(GateSpec.MIN),
  MAX(GateSpec.MAX),
  MAX_DROP(GateSpec.MAX_DROP),
  MAX_INCREASE(GateSpec.MAX_INCREASE);

  private final String key;

  Bound(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  boolean isRelative() {
    return this == MAX_DROP || this == MAX_INCREASE;
  }

  /** The spec's value for this bound, null when the spec does not set it. */
  Double of(GateSpec spec) {
    return switch (this) {
      case MIN -> spec.min();
      case MAX -> spec.max();
      case MAX_DROP -> spec.maxDrop();
      case MAX_INCREASE -> spec.maxIncrease();
    };
  }
}
