package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * How far a candidate's scores are from the champion's on the same events. Every value is NaN when
 * no event has a champion prediction.
 *
 * @param rows events with a champion prediction (the others are left out)
 * @param meanAbsDifference mean of |candidate score - champion score|, in score points
 * @param maxAbsDifference largest such difference
 * @param actionChangeRate share of rows whose action differs
 * @param spearman rank correlation of the two scores ({@link RankCorrelation#spearman}) rounded
 *     down to 0.1-point buckets
 * @param psi population stability index, champion scores as expected ({@link
 *     PopulationStability#psi})
 */
public record ScoreComparison(
    long rows,
    double meanAbsDifference,
    double maxAbsDifference,
    double actionChangeRate,
    double spearman,
    double psi)
    implements Serializable {

  /** The comparison over {@code events}. */
  public static ScoreComparison of(List<ScoredEvent> events) {
    Tally tally = new Tally();
    events.forEach(tally::add);
    return tally.comparison();
  }

  /**
   * The comparison counted as events arrive, mergeable. The rank correlation is that of the scores
   * rounded down to {@link ScoreSummary}'s 0.1-point buckets; the rest are row-level.
   */
  public static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    private long rows;
    private long changed;
    private double absDifferenceSum;
    private double maxAbsDifference;
    private final PairedScoreSummary paired = new PairedScoreSummary();

    public Tally add(ScoredEvent event) {
      if (event.champion() == null) {
        return this;
      }

      double candidate = event.candidate().score();
      double champion = event.champion().score();
      rows++;
      changed += event.candidate().action() == event.champion().action() ? 0 : 1;
      double difference = Math.abs(candidate - champion);
      absDifferenceSum += difference;
      maxAbsDifference = Math.max(maxAbsDifference, difference);
      paired.add(candidate, champion, event.fraud());
      return this;
    }

    public Tally merge(Tally other) {
      rows += other.rows;
      changed += other.changed;
      absDifferenceSum += other.absDifferenceSum;
      maxAbsDifference = Math.max(maxAbsDifference, other.maxAbsDifference);
      paired.merge(other.paired);
      return this;
    }

    /** The pairs' buckets, for the paired bootstrap of a ranking metric's difference. */
    public PairedScoreSummary paired() {
      return paired;
    }

    public ScoreComparison comparison() {
      return new ScoreComparison(
          rows,
          Checks.ratio(absDifferenceSum, rows),
          rows == 0 ? Double.NaN : maxAbsDifference,
          Checks.ratio(changed, rows),
          paired.spearman(),
          paired.psi());
    }
  }
}
