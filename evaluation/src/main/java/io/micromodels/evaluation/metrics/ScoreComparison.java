package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * How far a candidate's scores are from the champion's on the same events. Every value is NaN
 * when no event has a champion prediction.
 *
 * @param rows events with a champion prediction (the others are left out)
 * @param meanAbsDifference mean of |candidate score - champion score|, in score points
 * @param maxAbsDifference largest such difference
 * @param actionChangeRate share of rows whose action differs
 * @param spearman rank correlation of the two scores ({@link RankCorrelation#spearman})
 * @param psi population stability index, champion scores as expected
 *     ({@link PopulationStability#psi})
 */
public record ScoreComparison(long rows, double meanAbsDifference, double maxAbsDifference,
    double actionChangeRate, double spearman, double psi) implements Serializable {

  /** The comparison over {@code events}. */
  public static ScoreComparison of(List<ScoredEvent> events) {
    List<ScoredEvent> compared =
        events.stream().filter(event -> event.champion() != null).toList();
    int rows = compared.size();
    double[] candidate = new double[rows];
    double[] champion = new double[rows];
    double absDifferenceSum = 0;
    double maxAbsDifference = rows == 0 ? Double.NaN : 0;
    long changed = 0;
    for (int i = 0; i < rows; i++) {
      ScoredEvent event = compared.get(i);
      candidate[i] = event.candidate().score();
      champion[i] = event.champion().score();
      double difference = Math.abs(candidate[i] - champion[i]);
      absDifferenceSum += difference;
      maxAbsDifference = Math.max(maxAbsDifference, difference);
      changed += event.candidate().action() == event.champion().action() ? 0 : 1;
    }
    return new ScoreComparison(rows, Checks.ratio(absDifferenceSum, rows), maxAbsDifference,
        Checks.ratio(changed, rows), RankCorrelation.spearman(candidate, champion),
        PopulationStability.psi(champion, candidate));
  }
}
