package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.Fold;
import java.util.Map;

/**
 * One fold's metrics: candidate, champion and live (null where absent) and how complete its
 * labels were at the evaluation date.
 */
public record FoldEvaluation(Fold fold, double labelCompleteness, Map<String, Double> candidate,
    Map<String, Double> champion, Map<String, Double> live) {}
