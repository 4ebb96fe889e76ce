package io.micromodels.evaluation.evaluate;

import io.micromodels.evaluation.backtest.Fold;
import java.util.Map;

/**
 * One fold's metrics: candidate, champion and live (null where absent), how complete its labels
 * were at the evaluation date and whether that made it mature (in the pooled label metrics).
 */
public record FoldEvaluation(
    Fold fold,
    double labelCompleteness,
    boolean mature,
    Map<String, Double> candidate,
    Map<String, Double> champion,
    Map<String, Double> live) {}
