package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.FoldLayout;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the task that evaluates a client needs from the driver: where its models are, not the
 * models. Every task receives every client's plan (paths and the evaluation's settings, a few KB)
 * and reads only its own clients' models, so what travels to a task does not grow with the clients'
 * models (~1.4 MB each, tens of folds and champions for thousands of clients).
 *
 * @param zone the client's time zone, for the day of an event
 * @param candidateFiles per fold (index 1 first), its candidate's {@code model.json}
 * @param parentFiles per fold, where its parent's {@code parent.json} is (the train job writes none
 *     where the candidate already is the global model)
 * @param championFile the champion's {@code model.json}, or null without one
 * @param context the evaluation's context as the driver knows it, without what comes from the
 *     models ({@link #contextWith})
 */
record ClientPlan(
    String zone,
    FoldLayout layout,
    List<String> candidateFiles,
    List<String> parentFiles,
    String championFile,
    ClientContext context)
    implements Serializable {
  ClientPlan {
    Objects.requireNonNull(zone, "zone");
    candidateFiles = List.copyOf(candidateFiles);
    parentFiles = Collections.unmodifiableList(new java.util.ArrayList<>(parentFiles));
    Objects.requireNonNull(context, "context");
  }
}
