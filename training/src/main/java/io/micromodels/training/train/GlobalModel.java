package io.micromodels.training.train;

import io.micromodels.training.artifact.ScoringModel;
import java.util.Map;

/**
 * The global (parent) model trained on all clients' pooled rows: its scoring model (the fallback of
 * clients with too few labels) and its micromodels' out-of-fold models, which client models that
 * declare those micromodels global reuse.
 */
public record GlobalModel(ScoringModel scoring, Map<String, OutOfFold> outOfFold) {
  public GlobalModel {
    outOfFold = Map.copyOf(outOfFold);
  }
}
