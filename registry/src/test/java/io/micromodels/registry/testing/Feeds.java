package io.micromodels.registry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading feeds in tests. */
public final class Feeds {
  private Feeds() {}

  /** The seqs of a feed's events, in feed order. */
  public static List<Long> seqs(JsonNode feed) {
    List<Long> seqs = new ArrayList<>();
    feed.get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
    return seqs;
  }
}
