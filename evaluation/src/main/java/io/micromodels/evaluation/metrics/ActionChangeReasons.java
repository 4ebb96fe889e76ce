package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Why actions changed: for each event whose candidate action differs from the champion's, the
 * contribution (micromodel or raw feature) whose share of the log-odds moved most, {@code max
 * |candidate - champion|} with a name missing on one side counting as 0 there (equal moves go to
 * the name first in alphabetical order). A flip where neither side has contributions cannot be
 * attributed and is only counted.
 *
 * @param flips events with a champion whose action changed
 * @param unattributed of which without contributions on either side
 * @param drivers per contribution name, most flips first (then by name)
 */
public record ActionChangeReasons(long flips, long unattributed, List<Driver> drivers)
    implements Serializable {
  /**
   * @param contribution the micromodel or raw-feature name
   * @param flips flips in which it moved most
   * @param meanShift mean of {@code candidate - champion} contribution over those flips
   */
  public record Driver(String contribution, long flips, double meanShift) implements Serializable {}

  private static final Comparator<Driver> MOST_FLIPS_FIRST =
      Comparator.comparingLong(Driver::flips).reversed().thenComparing(Driver::contribution);

  public ActionChangeReasons {
    drivers = List.copyOf(drivers);
  }

  /** The reasons over {@code events}; events without a champion are ignored. */
  public static ActionChangeReasons of(List<ScoredEvent> events) {
    Tally tally = new Tally();
    events.forEach(tally::add);
    return tally.reasons();
  }

  /** The reasons counted as events arrive; tallies of any split of the events merge. */
  public static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    private long flips;
    private long unattributed;

    /** Per driver: its flips and its summed shift. */
    private final Map<String, double[]> flipsAndShifts = new TreeMap<>();

    public Tally add(ScoredEvent event) {
      Prediction champion = event.champion();
      if (champion == null || champion.action() == event.candidate().action()) {
        return this;
      }

      flips++;
      Map<String, Double> before = champion.contributions();
      Map<String, Double> after = event.candidate().contributions();
      TreeSet<String> names = new TreeSet<>(before.keySet());
      names.addAll(after.keySet());
      if (names.isEmpty()) {
        unattributed++;
        return this;
      }

      String driver = null;
      double driverShift = 0;
      for (String name : names) {
        double shift = after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
        if (driver == null || Math.abs(shift) > Math.abs(driverShift)) {
          driver = name;
          driverShift = shift;
        }
      }
      double[] tally = flipsAndShifts.computeIfAbsent(driver, n -> new double[2]);
      tally[0]++;
      tally[1] += driverShift;
      return this;
    }

    public Tally merge(Tally other) {
      flips += other.flips;
      unattributed += other.unattributed;
      other.flipsAndShifts.forEach(
          (name, t) -> {
            double[] mine = flipsAndShifts.computeIfAbsent(name, n -> new double[2]);
            mine[0] += t[0];
            mine[1] += t[1];
          });
      return this;
    }

    public ActionChangeReasons reasons() {
      List<Driver> drivers = new ArrayList<>();
      flipsAndShifts.forEach(
          (name, tally) -> drivers.add(new Driver(name, (long) tally[0], tally[1] / tally[0])));
      drivers.sort(MOST_FLIPS_FIRST);
      return new ActionChangeReasons(flips, unattributed, drivers);
    }
  }
}
