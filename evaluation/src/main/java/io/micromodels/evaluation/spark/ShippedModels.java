package io.micromodels.evaluation.spark;

import io.micromodels.evaluation.backtest.FoldLayout;
import java.io.Serializable;
import java.util.List;

/**
 * A client's models as they travel to the scoring tasks: per fold (index 1 first) its
 * candidate's and parent's {@code model.json} (a parent is null where the candidate already is
 * the global model), and its champion's (null without one).
 *
 * @param zone the client's time zone, for the day of an event
 */
record ShippedModels(String zone, FoldLayout layout, List<String> candidates,
    List<String> parents, String champion) implements Serializable {}
