package io.micromodels.jobs.sample;

import java.time.Instant;

/** One generated row: its time and id (the file order) and its JSON text. */
record SampleEvent(Instant time, String eventId, String json) implements Comparable<SampleEvent> {
  @Override
  public int compareTo(SampleEvent other) {
    int byTime = time.compareTo(other.time);
    return byTime != 0 ? byTime : eventId.compareTo(other.eventId);
  }
}
