package io.micromodels.evaluation.backtest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall seconds per stage of a run, in the order the stages ran. */
public record StageTimes(Map<String, Double> seconds) {
  public StageTimes {
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  public static Clock start() {
    return new Clock();
  }

  public double total() {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Laps stages on the monotonic clock. */
  public static final class Clock {
    private final Map<String, Double> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    private Clock() {}

    public void lap(String stage) {
      long now = System.nanoTime();
      laps.merge(stage, (now - last) / 1e9, Double::sum);
      last = now;
    }

    public StageTimes times() {
      return new StageTimes(laps);
    }
  }
}
