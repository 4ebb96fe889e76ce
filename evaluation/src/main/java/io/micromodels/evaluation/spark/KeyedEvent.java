package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.metrics.ScoredEvent;
import java.io.Serializable;

/**
 * A scored event with its client, the key of the per-client evaluation (public: Spark encodes it).
 */
public record KeyedEvent(String clientId, ScoredEvent event) implements Serializable {}
