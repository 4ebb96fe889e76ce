package io.micromodels.jobs.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile rows derived from valid ones, one of each kind the validator names, plus re-sent exact
 * duplicates (which are not bad rows: ingest counts them as duplicates).
 */
final class BadRows {
  private static final List<String[]> REPLACEMENTS =
      List.of(
          new String[] {"\"client_id\":\"", "\"client_id\":\"../evil-"},
          new String[] {"\"client_id\":\"", "\"client_id\":\"UPPER-"},
          new String[] {"\"event_time\":\"", "\"event_time\":\"31/02/2025 25:61 x"},
          new String[] {"\"event_time\":\"20", "\"event_time\":\"19"},
          new String[] {"\"event_time\":\"20", "\"event_time\":\"29"},
          new String[] {"\"currency\":\"", "\"currency\":\"x"},
          new String[] {"\"country\":\"", "\"country\":\"Q"},
          new String[] {"\"amount\":", "\"amount\":\"twelve\",\"x_amount\":"},
          new String[] {"\"customer_id\":\"", "\"label\":\"yes\",\"customer_id\":\""},
          new String[] {"\"event_id\":", "\"event_idx\":"});

  private BadRows() {}

  /** A hostile variant of {@code line}. */
  static String corrupt(String line, SplittableRandom rnd) {
    int kind = rnd.nextInt(REPLACEMENTS.size() + 3);
    if (kind == REPLACEMENTS.size()) {
      return line.substring(0, Math.max(1, line.length() / 2)); // truncated: malformed JSON
    }

    if (kind == REPLACEMENTS.size() + 1) {
      return line.replace("\"event_time\":", "\"nothing\":"); // missing event_time
    }

    if (kind == REPLACEMENTS.size() + 2) {
      return "{\"client_id\":\"x\",\"event_id\":\"big\",\"blob\":\"" + "A".repeat(70_000) + "\"}";
    }

    String[] replacement = REPLACEMENTS.get(kind);
    String corrupted =
        line.replaceFirst(
            java.util.regex.Pattern.quote(replacement[0]),
            java.util.regex.Matcher.quoteReplacement(replacement[1]));
    return corrupted.equals(line) ? line.substring(0, line.length() - 1) : corrupted;
  }
}
