package io.micromodels.features;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest did. Always {@code inputRows == accepted + quarantined + duplicates} (DESIGN.md
 * §3.1): every non-blank input row is new in {@code events}, rejected into {@code quarantine}, or a
 * copy of an event already stored or seen earlier in the same input.
 *
 * @param files the files read
 * @param skipped paths below the input folders not read, with why (a second path to a file or
 *     folder already read, through a symbolic link; a broken link)
 * @param inputRows non-blank rows read
 * @param accepted rows newly added to {@code events}
 * @param quarantined rows rejected by validation (re-ingested rejects are counted again, but stored
 *     only once)
 * @param duplicates valid rows whose (client_id, event_id) was already stored or repeated
 * @param quarantinedByReason rejected rows per reason code
 * @param labelEventsByType valid label events in the input (before de-duplication) per event type
 *     ({@code chargeback}, {@code fraud_report}, {@code review_decision}, and any other type that
 *     carries a {@code label})
 * @param eventsVersion Delta version of {@code events} after this ingest
 * @param quarantineVersion Delta version of {@code quarantine} after this ingest
 */
public record IngestSummary(
    List<InputFile> files,
    List<SkippedInput> skipped,
    long inputRows,
    long accepted,
    long quarantined,
    long duplicates,
    Map<String, Long> quarantinedByReason,
    Map<String, LabelEventCounts> labelEventsByType,
    long eventsVersion,
    long quarantineVersion) {
  private static final int SKIPPED_SHOWN = 10;

  public IngestSummary {
    files = List.copyOf(files);
    skipped = List.copyOf(skipped);
    quarantinedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(quarantinedByReason));
    labelEventsByType = Collections.unmodifiableSortedMap(new TreeMap<>(labelEventsByType));
    if (inputRows != accepted + quarantined + duplicates) {
      throw new IllegalStateException(
          "row accounting broken: "
              + inputRows
              + " input rows but "
              + accepted
              + " accepted + "
              + quarantined
              + " quarantined + "
              + duplicates
              + " duplicates");
    }
  }

  /** A human-readable report for the terminal. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("ingest: %d file(s), %,d input rows%n", files.size(), inputRows));
    if (!skipped.isEmpty()) {
      out.append(String.format("  skipped %d path(s) below the input folders:%n", skipped.size()));
      skipped.stream()
          .limit(SKIPPED_SHOWN)
          .forEach(s -> out.append(String.format("    %s: %s%n", s.path(), s.reason())));
      if (skipped.size() > SKIPPED_SHOWN) {
        out.append(String.format("    ... and %d more%n", skipped.size() - SKIPPED_SHOWN));
      }
    }
    out.append(
        String.format("  accepted     %,12d  (events, version %d)%n", accepted, eventsVersion));
    out.append(
        String.format(
            "  quarantined  %,12d  (quarantine, version %d)%n", quarantined, quarantineVersion));
    quarantinedByReason.forEach(
        (reason, count) -> out.append(String.format("    %-24s %,10d%n", reason, count)));
    out.append(String.format("  duplicates   %,12d%n", duplicates));
    if (!labelEventsByType.isEmpty()) {
      out.append(
          "  label events (valid input rows, before de-duplication; what each client's"
              + " features make of them is counted by `features`):\n");
      labelEventsByType.forEach(
          (type, n) ->
              out.append(
                  String.format(
                      "    %-24s %,10d  (label 1: %,d, label 0: %,d, no label: %,d; no ref_event_id: %,d)%n",
                      type, n.total(), n.fraud(), n.genuine(), n.noLabel(), n.noReference())));
    }
    out.append(
        String.format(
            "  input rows = accepted + quarantined + duplicates: %,d = %,d + %,d + %,d%n",
            inputRows, accepted, quarantined, duplicates));
    return out.toString();
  }
}
